package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.InvalidInput;

/**
 * Checks the free-text names of platforms, users and tokens before they are stored: a name must
 * show as what it is, in the console and in every listing. So no control characters, no invisible
 * format characters (a right-to-left override makes "exe.gnp" read as "png.exe", a zero-width space
 * makes two names that look alike differ), no line separators, no noncharacters, and no stack of
 * combining marks taller than Unicode's stream-safe limit, which would draw over the rows around it.
 */
public final class DisplayName {

    public static final int MAX_LENGTH = 255;
    /** Unicode's stream-safe text format (UAX #15) allows at most 30 non-starters in a row. */
    public static final int MAX_COMBINING_MARKS = 30;
    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;

    private DisplayName() {}

    /** Returns the name trimmed, or throws the Laravel-style error for {@code field}. */
    public static String require(String field, String name) {
        String label = Text.label(field);
        if (name == null || name.isBlank()) {
            throw InvalidInput.of(field, "The " + label + " field is required.");
        }
        Text.requireStorable(field, name);
        String trimmed = name.strip();
        if (Text.length(trimmed) > MAX_LENGTH) {
            throw InvalidInput.of(field, "The " + label + " field must not be greater than " + MAX_LENGTH + " characters.");
        }
        int[] codePoints = trimmed.codePoints().toArray();
        int marksInARow = 0;
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (Character.isISOControl(c)) {
                throw InvalidInput.of(field, "The " + label + " field must not contain control characters.");
            }
            if (isHidden(codePoints, i)) {
                throw InvalidInput.of(field,
                        "The " + label + " field must not contain invisible or text-direction characters.");
            }
            marksInARow = isCombiningMark(c) ? marksInARow + 1 : 0;
            if (marksInARow > MAX_COMBINING_MARKS) {
                throw InvalidInput.of(field, "The " + label + " field must not stack more than "
                        + MAX_COMBINING_MARKS + " combining marks on one character.");
            }
        }
        return trimmed;
    }

    /**
     * A format character, a line or paragraph separator, or a noncharacter. The two joiners are
     * allowed inside a word, where Persian, the Indic scripts and emoji sequences need them, and
     * nowhere else.
     */
    private static boolean isHidden(int[] codePoints, int i) {
        int c = codePoints[i];
        if (c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER) {
            return i == 0 || i == codePoints.length - 1 || !isVisible(codePoints[i - 1]) || !isVisible(codePoints[i + 1]);
        }
        int type = Character.getType(c);
        return type == Character.FORMAT || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                || isNoncharacter(c);
    }

    private static boolean isVisible(int c) {
        return Character.isLetterOrDigit(c) || isCombiningMark(c) || Character.getType(c) == Character.OTHER_SYMBOL;
    }

    private static boolean isCombiningMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane: never to be interchanged. */
    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }
}
