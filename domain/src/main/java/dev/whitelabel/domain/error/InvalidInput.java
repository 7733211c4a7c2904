package dev.whitelabel.domain.error;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Input that breaks a rule, field by field, in the order the fields were checked. */
public final class InvalidInput extends WhitelabelException {

    private final Map<String, List<String>> errors;

    public InvalidInput(Map<String, List<String>> errors) {
        super(summary(errors));
        if (errors.isEmpty()) {
            throw new IllegalArgumentException("invalid input names at least one field");
        }
        this.errors = Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, List.of(message)));
    }

    public Map<String, List<String>> errors() {
        return errors;
    }

    /** Laravel's summary: the first message, then how many more there are. */
    private static String summary(Map<String, List<String>> errors) {
        List<String> all = errors.values().stream().flatMap(List::stream).toList();
        if (all.isEmpty()) {
            return "";
        }
        int more = all.size() - 1;
        return switch (more) {
            case 0 -> all.get(0);
            case 1 -> all.get(0) + " (and 1 more error)";
            default -> all.get(0) + " (and " + more + " more errors)";
        };
    }

    @Override
    public <R> R mappedBy(ErrorMapper<R> mapper) {
        return mapper.of(this);
    }
}
