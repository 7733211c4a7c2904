package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.InvalidInput;

/** Checks the free-text names of platforms, users and tokens before they are stored. */
public final class DisplayName {

    public static final int MAX_LENGTH = 255;

    private DisplayName() {}

    /** Returns the name trimmed, or throws the Laravel-style error for {@code field}. */
    public static String require(String field, String name) {
        String label = field.replace('_', ' ');
        if (name == null || name.isBlank()) {
            throw InvalidInput.of(field, "The " + label + " field is required.");
        }
        String trimmed = name.strip();
        if (trimmed.length() > MAX_LENGTH) {
            throw InvalidInput.of(field, "The " + label + " field must not be greater than " + MAX_LENGTH + " characters.");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw InvalidInput.of(field, "The " + label + " field must not contain control characters.");
        }
        return trimmed;
    }
}
