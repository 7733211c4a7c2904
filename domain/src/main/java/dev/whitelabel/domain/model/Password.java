package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import java.nio.charset.StandardCharsets;

/** A password in plain text, on its way to the hasher; {@link #toString()} never shows it. */
public record Password(String value) {

    public static final int MIN_LENGTH = 8;
    // BCrypt reads at most 72 bytes; a longer password would be silently cut.
    public static final int MAX_BYTES = 72;

    public Password {
        if (value == null || value.isEmpty()) {
            throw InvalidInput.of(Input.PASSWORD, Rule.REQUIRED);
        }
        Text.requireStorable(Input.PASSWORD, value);
        if (Text.length(value) < MIN_LENGTH) {
            throw InvalidInput.of(Input.PASSWORD, Rule.FEWER_CHARACTERS_THAN, MIN_LENGTH);
        }
        if (!fitsTheHash(value)) {
            throw InvalidInput.of(Input.PASSWORD, Rule.MORE_BYTES_THAN, MAX_BYTES);
        }
    }

    /** Whether BCrypt reads all of {@code candidate}; it ignores every byte past the 72nd. */
    public static boolean fitsTheHash(String candidate) {
        return candidate.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    @Override
    public String toString() {
        return "Password[<hidden>]";
    }
}
