package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;

/**
 * What any text must be before it is stored, compared or searched for: no NUL (PostgreSQL can store
 * none and refuses the query) and no unpaired surrogate (it has no UTF-8 form, so it would be stored
 * as '?' and two different texts would become one). Lengths count code points, as people do.
 */
public final class Text {

    private Text() {}

    /** Returns {@code value} unchanged, or throws the violation for {@code input}. */
    public static String requireStorable(Input input, String value) {
        if (!isStorable(value)) {
            throw InvalidInput.of(input, Rule.NOT_STORABLE);
        }
        return value;
    }

    public static boolean isStorable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)
                    && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /** Characters as a reader counts them: a code point each, an emoji outside the BMP included. */
    public static int length(String value) {
        return value.codePointCount(0, value.length());
    }
}
