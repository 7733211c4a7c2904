package dev.whitelabel.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.model.EmailAddress;
import dev.whitelabel.domain.model.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The fields of a request body, read one typed field at a time. Each wrong field adds a
 * Laravel-style message; {@link #requireValid()} then refuses the request with all of them.
 * JSON is strict (an integer is a JSON integer, not "42" nor 1.9); form values are text by nature.
 */
final class BodyFields {

    private static final Pattern FORM_INTEGER = Pattern.compile("-?[0-9]{1,19}");

    private final ObjectNode fields;
    private final boolean formEncoded;
    private final Map<String, List<String>> errors = new LinkedHashMap<>();

    private BodyFields(ObjectNode fields, boolean formEncoded) {
        this.fields = fields;
        this.formEncoded = formEncoded;
    }

    static BodyFields json(ObjectNode fields) {
        return new BodyFields(fields, false);
    }

    static BodyFields form(ObjectNode fields) {
        return new BodyFields(fields, true);
    }

    /** A positive id; absent or null is empty. */
    Optional<Long> optionalId(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Optional<Long> id = integer(value);
        if (id.isEmpty()) {
            return reject(field, "The " + label(field) + " field must be an integer.");
        }
        if (id.get() < 1) {
            return reject(field, "The " + label(field) + " field must be at least 1.");
        }
        return id;
    }

    /** A valid email address; absent, null or blank is empty. */
    Optional<EmailAddress> optionalEmail(String field) {
        JsonNode value = fields.get(field);
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isBlank())) {
            return Optional.empty();
        }
        if (!value.isTextual() || !EmailAddress.isValid(value.asText())) {
            return reject(field, "The " + label(field) + " field must be a valid email address.");
        }
        return Optional.of(new EmailAddress(value.asText()));
    }

    /** A string; absent or null is refused with "is required". */
    Optional<String> requiredText(String field) {
        JsonNode value = fields.get(field);
        if (value == null
                || value.isNull()
                || (value.isTextual() && value.asText().isEmpty())) {
            return reject(field, "The " + label(field) + " field is required.");
        }
        return text(field, value);
    }

    /** A string; absent or null is empty. */
    Optional<String> optionalText(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        return text(field, value);
    }

    /** A list of strings: a JSON array, or a form key given once or more; absent or null is empty. */
    Optional<List<String>> optionalTextList(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else if (formEncoded) {
            items.add(value);
        } else {
            return reject(field, "The " + label(field) + " field must be a list of strings.");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : items) {
            if (!item.isTextual() || !Text.isStorable(item.asText())) {
                return reject(field, "The " + label(field) + " field must be a list of strings.");
            }
            texts.add(item.asText());
        }
        return Optional.of(texts);
    }

    /** A JSON object, read by fields of its own; absent or null is empty. */
    Optional<BodyFields> optionalObject(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            return reject(field, "The " + label(field) + " field must be an object.");
        }
        return Optional.of(new BodyFields((ObjectNode) value, false));
    }

    /** The names of the fields given. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        fields.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** A whole number, of any sign; absent or null is empty. */
    Optional<Long> optionalInteger(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        Optional<Long> number = integer(value);
        return number.isPresent() ? number : reject(field, "The " + label(field) + " field must be an integer.");
    }

    /**
     * A whole number that a change may also clear: absent is empty (no change), null (in a form, an
     * empty value) is a present empty (clear it).
     */
    Optional<OptionalLong> clearableInteger(String field) {
        JsonNode value = fields.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value.isNull()
                || (formEncoded && value.isTextual() && value.asText().isEmpty())) {
            return Optional.of(OptionalLong.empty());
        }
        return optionalInteger(field).map(OptionalLong::of);
    }

    /** true or false (in a form: 1, 0, true, false); absent or null is false. */
    boolean optionalBoolean(String field) {
        JsonNode value = fields.get(field);
        if (value == null || value.isNull()) {
            return false;
        }
        if (!formEncoded && value.isBoolean()) {
            return value.booleanValue();
        }
        if (formEncoded && value.isTextual()) {
            switch (value.asText()) {
                case "1", "true" -> {
                    return true;
                }
                case "0", "false" -> {
                    return false;
                }
                default -> {}
            }
        }
        reject(field, "The " + label(field) + " field must be true or false.");
        return false;
    }

    /**
     * Holds a value that passed its type check to a domain rule; a broken rule is recorded, in the
     * rule's own words, like a wrong type.
     */
    <T, R> Optional<R> valid(Optional<T> value, Function<T, R> rule) {
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(rule.apply(value.get()));
        } catch (InvalidInput invalid) {
            merge(InputErrors.errors(invalid));
            return Optional.empty();
        } catch (InvalidRequest invalid) {
            merge(invalid.errors());
            return Optional.empty();
        }
    }

    private void merge(Map<String, List<String>> more) {
        more.forEach((field, messages) ->
                errors.computeIfAbsent(field, key -> new ArrayList<>()).addAll(messages));
    }

    /** Refuses the request if any field read so far was wrong. */
    void requireValid() {
        if (!errors.isEmpty()) {
            throw new InvalidRequest(errors);
        }
    }

    private Optional<String> text(String field, JsonNode value) {
        if (!value.isTextual()) {
            return reject(field, "The " + label(field) + " field must be a string.");
        }
        return Text.isStorable(value.asText())
                ? Optional.of(value.asText())
                : reject(field, InputErrors.notStorable(field));
    }

    private Optional<Long> integer(JsonNode value) {
        if (formEncoded
                && value.isTextual()
                && FORM_INTEGER.matcher(value.asText()).matches()) {
            try {
                return Optional.of(Long.parseLong(value.asText()));
            } catch (NumberFormatException tooLarge) {
                return Optional.empty();
            }
        }
        if (!formEncoded && value.isIntegralNumber() && value.canConvertToLong()) {
            return Optional.of(value.longValue());
        }
        return Optional.empty();
    }

    private <T> Optional<T> reject(String field, String message) {
        errors.computeIfAbsent(field, key -> new ArrayList<>()).add(message);
        return Optional.empty();
    }

    private static String label(String field) {
        return InputErrors.label(field);
    }
}
