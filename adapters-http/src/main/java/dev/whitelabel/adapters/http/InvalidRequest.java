package dev.whitelabel.adapters.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request whose fields are wrong before or besides any use case's rules (a type, a query
 * parameter, a choice only the API offers), field by field as the answer names them: 422.
 */
final class InvalidRequest extends RuntimeException {

    private final Map<String, List<String>> errors;

    InvalidRequest(Map<String, List<String>> errors) {
        // no message of its own: the answer's summary is made where it is written
        super(null, null, false, false);
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    static InvalidRequest of(String field, String message) {
        return new InvalidRequest(Map.of(field, List.of(message)));
    }

    Map<String, List<String>> errors() {
        return errors;
    }
}
