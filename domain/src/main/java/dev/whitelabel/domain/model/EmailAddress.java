package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email as the user typed it (trimmed), and the key it is unique and looked up by:
 * trimmed and lower-cased, so "Ann@X.io " and "ann@x.io" are the same user of a platform.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    // The WHATWG "valid e-mail address" grammar: ASCII only, no quoted local parts, no controls.
    private static final Pattern SHAPE =
            Pattern.compile("[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
                    + "(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public EmailAddress {
        if (value != null && Text.length(value.strip()) > MAX_LENGTH) {
            throw InvalidInput.of(Input.EMAIL, Rule.MORE_CHARACTERS_THAN, MAX_LENGTH);
        }
        if (!isValid(value)) {
            throw InvalidInput.of(Input.EMAIL, Rule.NOT_AN_EMAIL_ADDRESS);
        }
        value = value.strip();
    }

    public static boolean isValid(String candidate) {
        if (candidate == null) {
            return false;
        }
        String trimmed = candidate.strip();
        return trimmed.length() <= MAX_LENGTH && SHAPE.matcher(trimmed).matches();
    }

    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    public boolean sameAs(String otherEmail) {
        return isValid(otherEmail) && key().equals(new EmailAddress(otherEmail).key());
    }
}
