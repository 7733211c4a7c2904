package dev.whitelabel.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;

/**
 * Reads a request body, JSON or form-encoded, into {@link BodyFields}. It refuses (never echoes)
 * anything it cannot read: a body over the limit, another media type, malformed JSON or form text.
 */
final class RequestBody {

    private final ObjectMapper mapper;
    private final long maxBytes;

    RequestBody(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    BodyFields read(Context ctx) {
        if (ctx.contentLength() > maxBytes) {
            throw HttpProblem.tooLarge();
        }
        byte[] body = bytes(ctx);
        String mediaType = mediaType(ctx.contentType());
        if (mediaType.isEmpty() && body.length == 0) {
            return BodyFields.json(JsonNodeFactory.instance.objectNode());
        }
        return switch (mediaType) {
            case "application/json" -> BodyFields.json(withoutToken(json(body)));
            case "application/x-www-form-urlencoded" -> BodyFields.form(withoutToken(form(body)));
            default -> throw HttpProblem.unsupportedMediaType();
        };
    }

    /** At most one byte over the limit is read: enough to refuse a body without buffering it. */
    private byte[] bytes(Context ctx) {
        byte[] body;
        try {
            body = ctx.req().getInputStream().readNBytes(Math.toIntExact(maxBytes + 1));
        } catch (IOException e) {
            // a truncated or badly chunked body: the client's fault, not worth an error log
            throw HttpProblem.malformedBody();
        }
        if (body.length > maxBytes) {
            throw HttpProblem.tooLarge();
        }
        return body;
    }

    /** A token in the body besides the header is two ways of sending one: refused (RFC 6750 section 2). */
    private static ObjectNode withoutToken(ObjectNode fields) {
        if (fields.has(BearerAuthentication.ACCESS_TOKEN)) {
            throw Unauthenticated.invalidRequest();
        }
        return fields;
    }

    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int parameters = contentType.indexOf(';');
        return (parameters < 0 ? contentType : contentType.substring(0, parameters))
                .strip()
                .toLowerCase(Locale.ROOT);
    }

    private ObjectNode json(byte[] body) {
        if (body.length == 0) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(body);
        } catch (IOException e) {
            throw HttpProblem.malformedJson();
        }
        if (tree.isMissingNode()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!tree.isObject()) {
            throw HttpProblem.notAnObject();
        }
        return (ObjectNode) tree;
    }

    /** A form body as a JSON object of strings; a key given twice becomes an array, which no field accepts. */
    private static ObjectNode form(byte[] body) {
        ObjectNode fields = JsonNodeFactory.instance.objectNode();
        String text = StrictUtf8.decode(body).orElseThrow(HttpProblem::malformedForm);
        if (text.isEmpty()) {
            return fields;
        }
        for (String pair : text.split("&", -1)) {
            int equals = pair.indexOf('=');
            String key = percentDecode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : percentDecode(pair.substring(equals + 1));
            JsonNode previous = fields.get(key);
            if (previous == null) {
                fields.put(key, value);
            } else if (previous instanceof ArrayNode values) {
                values.add(value);
            } else {
                fields.putArray(key).add(previous).add(value);
            }
        }
        return fields;
    }

    private static String percentDecode(String encoded) {
        var bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c == '%') {
                if (i + 2 >= encoded.length()) {
                    throw HttpProblem.malformedForm();
                }
                int high = Character.digit(encoded.charAt(i + 1), 16);
                int low = Character.digit(encoded.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    throw HttpProblem.malformedForm();
                }
                bytes.write(high << 4 | low);
                i += 2;
            } else if (c > 0x7f) {
                throw HttpProblem.malformedForm();
            } else {
                bytes.write(c);
            }
        }
        return StrictUtf8.decode(bytes.toByteArray()).orElseThrow(HttpProblem::malformedForm);
    }
}
