package dev.whitelabel.bootstrap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An answer as the README shows it in a comment after a command, and whether a command's output fits it.
 *
 * <p>A comment is an answer when it starts with a JSON object or array, with a status and a JSON body
 * ({@code 201 {...}}: curl prints only the body, so only the body is compared), with a status line and
 * headers ({@code curl -i}), or is a status alone ({@code -w '%{http_code}'}). Anything after the
 * JSON closes is prose. Within the JSON:
 * <ul>
 *   <li>{@code ...} stands for anything: a value, the rest of an object's fields or of an array's
 *       elements ({@code {...}}, {@code [...]}), or part of a string ({@code "msg_..."});
 *   <li>{@code N} stands for any number;
 *   <li>a value that is random by nature is compared by its form: a token {@code "12|<40 characters>"}
 *       or {@code "12|abc..."} fits any token with id 12, a secret {@code "whsec_<base64>"} or
 *       {@code "wls_mB2..."} any secret with that prefix, a timestamp any timestamp;
 *   <li>everything else is exact: ids, names, messages, counts, and the set of fields of an object
 *       that has no {@code ...}. The order of fields is not compared.
 * </ul>
 */
abstract class ReadmeAnswer {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STATUS = Pattern.compile("^[1-5]\\d\\d$");
    private static final Pattern STATUS_AND_BODY = Pattern.compile("^[1-5]\\d\\d [{\\[].*", Pattern.DOTALL);
    private static final Pattern RANDOM =
            Pattern.compile("^(\\d+\\||[a-z]+_)([A-Za-z0-9+/=]{20,}|[A-Za-z0-9+/=]*\\.\\.\\.)$");
    private static final Pattern INSTANT = Pattern.compile("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d(\\.\\d+)?)?Z$");

    /** Why the output does not fit, or empty when it does. */
    abstract Optional<String> mismatch(String output);

    /**
     * The answer a comment shows, from the comment's lines ({@code #} and one space removed), or
     * empty when the comment is prose. Lines after the answer are prose too.
     */
    static Optional<ReadmeAnswer> of(List<String> comment) {
        for (int i = 0; i < comment.size(); i++) {
            String first = comment.get(i).strip();
            if (first.startsWith("HTTP/")) {
                return Optional.of(http(comment.subList(i, comment.size())));
            }
            if (STATUS.matcher(first).matches()) {
                return Optional.of(new Exact(first));
            }
            if (first.startsWith("{")
                    || first.startsWith("[")
                    || STATUS_AND_BODY.matcher(first).matches()) {
                String joined = String.join(
                        "",
                        comment.subList(i, comment.size()).stream()
                                .map(String::strip)
                                .toList());
                return Optional.of(new Json(new PatternParser(joined.replaceFirst("^\\d{3} ", "")).parse()));
            }
        }
        return Optional.empty();
    }

    private static ReadmeAnswer http(List<String> lines) {
        String statusLine = lines.get(0).strip();
        Map<String, String> headers = new LinkedHashMap<>();
        int i = 1;
        for (; i < lines.size() && !lines.get(i).strip().startsWith("{"); i++) {
            String header = lines.get(i).strip();
            int colon = header.indexOf(':');
            if (colon < 0) {
                throw new IllegalArgumentException("not a header line: " + header);
            }
            headers.put(
                    header.substring(0, colon).strip(),
                    header.substring(colon + 1).strip());
        }
        Json body = i < lines.size()
                ? new Json(new PatternParser(String.join(
                                "",
                                lines.subList(i, lines.size()).stream()
                                        .map(String::strip)
                                        .toList()))
                        .parse())
                : null;
        return new ReadmeAnswer() {
            @Override
            Optional<String> mismatch(String output) {
                String[] parts = output.replace("\r\n", "\n").split("\n\n", 2);
                List<String> head = List.of(parts[0].split("\n"));
                if (!head.get(0).strip().equals(statusLine)) {
                    return Optional.of("status line " + head.get(0).strip() + ", not " + statusLine);
                }
                for (var header : headers.entrySet()) {
                    boolean present = head.stream().skip(1).anyMatch(line -> {
                        int colon = line.indexOf(':');
                        return colon > 0
                                && line.substring(0, colon).strip().equalsIgnoreCase(header.getKey())
                                && line.substring(colon + 1).strip().equals(header.getValue());
                    });
                    if (!present) {
                        return Optional.of("no header " + header.getKey() + ": " + header.getValue() + " in " + head);
                    }
                }
                return body == null ? Optional.empty() : body.mismatch(parts.length > 1 ? parts[1] : "");
            }
        };
    }

    /** An output that is exactly this text (surrounding white space aside). */
    static final class Exact extends ReadmeAnswer {
        private final String text;

        Exact(String text) {
            this.text = text;
        }

        @Override
        Optional<String> mismatch(String output) {
            return output.strip().equals(text) ? Optional.empty() : Optional.of("expected " + text);
        }
    }

    /** An output that is one JSON value fitting the pattern. */
    static final class Json extends ReadmeAnswer {
        private final Node pattern;

        Json(Node pattern) {
            this.pattern = pattern;
        }

        @Override
        Optional<String> mismatch(String output) {
            JsonNode actual;
            try {
                actual = JSON.readTree(output.strip());
            } catch (JsonProcessingException e) {
                return Optional.of("the output is not JSON");
            }
            if (actual == null || actual.isMissingNode()) {
                return Optional.of("no output");
            }
            return pattern.mismatch(actual, "$");
        }
    }

    /** A part of a JSON pattern. */
    interface Node {
        Optional<String> mismatch(JsonNode actual, String path);
    }

    /** {@code ...}: anything. */
    enum Anything implements Node {
        INSTANCE;

        @Override
        public Optional<String> mismatch(JsonNode actual, String path) {
            return Optional.empty();
        }
    }

    /** {@code N}: any number. */
    enum AnyNumber implements Node {
        INSTANCE;

        @Override
        public Optional<String> mismatch(JsonNode actual, String path) {
            return actual.isNumber() ? Optional.empty() : Optional.of(path + " is " + actual + ", not a number");
        }
    }

    record Literal(JsonNode value) implements Node {
        @Override
        public Optional<String> mismatch(JsonNode actual, String path) {
            boolean same = value.isNumber() && actual.isNumber()
                    ? new BigDecimal(value.asText()).compareTo(new BigDecimal(actual.asText())) == 0
                    : value.equals(actual);
            return same ? Optional.empty() : Optional.of(path + " is " + actual + ", not " + value);
        }
    }

    record Text(String shown) implements Node {
        @Override
        public Optional<String> mismatch(JsonNode actual, String path) {
            if (actual.isTextual() && fits(actual.asText())) {
                return Optional.empty();
            }
            return Optional.of(path + " is " + actual + ", not \"" + shown + "\"");
        }

        private boolean fits(String text) {
            if (shown.equals(text)) {
                return true;
            }
            var random = RANDOM.matcher(shown);
            if (random.matches()) {
                return text.matches(Pattern.quote(random.group(1)) + "[A-Za-z0-9+/=_-]+");
            }
            if (shown.contains("...")) {
                String[] parts = shown.split("\\.\\.\\.", -1);
                StringBuilder regex = new StringBuilder();
                for (int i = 0; i < parts.length; i++) {
                    regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
                }
                return Pattern.compile(regex.toString(), Pattern.DOTALL)
                        .matcher(text)
                        .matches();
            }
            return INSTANT.matcher(shown).matches() && INSTANT.matcher(text).matches();
        }
    }

    /** An object: these fields, and no other unless {@code open} ({@code ...} among its fields). */
    record ObjectNode(Map<String, Node> fields, boolean open) implements Node {
        @Override
        public Optional<String> mismatch(JsonNode actual, String path) {
            if (!actual.isObject()) {
                return Optional.of(path + " is " + actual + ", not an object");
            }
            for (var field : fields.entrySet()) {
                String at = path + "." + field.getKey();
                if (!actual.has(field.getKey())) {
                    return Optional.of(at + " is missing");
                }
                var mismatch = field.getValue().mismatch(actual.get(field.getKey()), at);
                if (mismatch.isPresent()) {
                    return mismatch;
                }
            }
            if (!open) {
                List<String> others = new ArrayList<>();
                actual.fieldNames().forEachRemaining(name -> {
                    if (!fields.containsKey(name)) {
                        others.add(name);
                    }
                });
                if (!others.isEmpty()) {
                    return Optional.of(path + " has fields the README does not show: " + others);
                }
            }
            return Optional.empty();
        }
    }

    /** An array: these elements in this order, {@code ...} standing for any number of any elements. */
    record ArrayNode(List<Node> elements) implements Node {
        @Override
        public Optional<String> mismatch(JsonNode actual, String path) {
            if (!actual.isArray()) {
                return Optional.of(path + " is " + actual + ", not an array");
            }
            List<JsonNode> values = new ArrayList<>();
            actual.forEach(values::add);
            return fits(0, values, 0, path)
                    ? Optional.empty()
                    : Optional.of(path + " is " + actual + ", which does not fit the README's elements"
                            + firstElementMismatch(values, path));
        }

        private boolean fits(int element, List<JsonNode> values, int value, String path) {
            if (element == elements.size()) {
                return value == values.size();
            }
            if (elements.get(element) == Anything.INSTANCE) {
                for (int skip = value; skip <= values.size(); skip++) {
                    if (fits(element + 1, values, skip, path)) {
                        return true;
                    }
                }
                return false;
            }
            return value < values.size()
                    && elements.get(element)
                            .mismatch(values.get(value), path + "[" + value + "]")
                            .isEmpty()
                    && fits(element + 1, values, value + 1, path);
        }

        private String firstElementMismatch(List<JsonNode> values, String path) {
            for (int i = 0; i < elements.size() && i < values.size() && elements.get(i) != Anything.INSTANCE; i++) {
                var mismatch = elements.get(i).mismatch(values.get(i), path + "[" + i + "]");
                if (mismatch.isPresent()) {
                    return ": " + mismatch.get();
                }
            }
            return "";
        }
    }

    /** JSON with {@code ...} and {@code N}; stops where the value closes (the rest is prose). */
    static final class PatternParser {
        private final String text;
        private int at;

        PatternParser(String text) {
            this.text = text;
        }

        Node parse() {
            return value();
        }

        private Node value() {
            skipSpace();
            if (text.startsWith("...", at)) {
                at += 3;
                return Anything.INSTANCE;
            }
            char c = peek();
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return new Text(string());
                case 'N':
                    at++;
                    return AnyNumber.INSTANCE;
                default:
                    return literal();
            }
        }

        private Node object() {
            expect('{');
            Map<String, Node> fields = new LinkedHashMap<>();
            boolean open = false;
            skipSpace();
            if (peek() == '}') {
                at++;
                return new ObjectNode(fields, false);
            }
            while (true) {
                skipSpace();
                if (text.startsWith("...", at)) {
                    at += 3;
                    open = true;
                } else {
                    String name = string();
                    skipSpace();
                    expect(':');
                    fields.put(name, value());
                }
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect('}');
                    return new ObjectNode(fields, open);
                }
            }
        }

        private Node array() {
            expect('[');
            List<Node> elements = new ArrayList<>();
            skipSpace();
            if (peek() == ']') {
                at++;
                return new ArrayNode(elements);
            }
            while (true) {
                elements.add(value());
                skipSpace();
                if (peek() == ',') {
                    at++;
                } else {
                    expect(']');
                    return new ArrayNode(elements);
                }
            }
        }

        private String string() {
            int start = at;
            expect('"');
            StringBuilder json = new StringBuilder("\"");
            while (peek() != '"') {
                if (peek() == '\\') {
                    json.append(text.charAt(at++));
                }
                json.append(text.charAt(at++));
            }
            at++;
            try {
                return JSON.readTree(json.append('"').toString()).asText();
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("a bad string at " + start + " of " + text, e);
            }
        }

        private Node literal() {
            int start = at;
            while (at < text.length() && "-+.eE0123456789truefalsn".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            try {
                return new Literal(JSON.readTree(text.substring(start, at)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not a JSON value at " + start + " of " + text, e);
            }
        }

        private void skipSpace() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
        }

        private char peek() {
            if (at >= text.length()) {
                throw new IllegalArgumentException("the answer ends too early: " + text);
            }
            return text.charAt(at);
        }

        private void expect(char c) {
            if (peek() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + at + " of " + text);
            }
            at++;
        }
    }
}
