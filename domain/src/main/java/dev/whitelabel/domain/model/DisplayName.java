package dev.whitelabel.domain.model;

import dev.whitelabel.domain.error.Input;
import dev.whitelabel.domain.error.InvalidInput;
import dev.whitelabel.domain.error.Violation.Rule;
import java.lang.Character.UnicodeScript;
import java.util.Set;

/**
 * Checks the free-text names of platforms, users and tokens before they are stored: a name must
 * show as what it is, in the console and in every listing. So no control characters, no invisible
 * format characters (a right-to-left override makes "exe.gnp" read as "png.exe", a zero-width space
 * makes two names that look alike differ), no characters that draw nothing (Hangul fillers, the
 * blank Braille pattern), no line separators, no noncharacters, and no stack of combining marks
 * taller than Unicode's stream-safe limit, which would draw over the rows around it.
 */
public final class DisplayName {

    public static final int MAX_LENGTH = 255;
    /** Unicode's stream-safe text format (UAX #15) allows at most 30 non-starters in a row. */
    public static final int MAX_COMBINING_MARKS = 30;

    private static final int ZERO_WIDTH_NON_JOINER = 0x200C;
    private static final int ZERO_WIDTH_JOINER = 0x200D;
    private static final int EMOJI_PRESENTATION = 0xFE0F;
    /** Letters and marks that take space or join but draw nothing. */
    private static final Set<Integer> BLANK = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800, 0x034F, 0x17B4, 0x17B5);
    /** The scripts whose spelling needs a joiner or non-joiner between two of their letters. */
    private static final Set<UnicodeScript> JOINING_SCRIPTS = Set.of(
            UnicodeScript.ARABIC,
            UnicodeScript.SYRIAC,
            UnicodeScript.NKO,
            UnicodeScript.MONGOLIAN,
            UnicodeScript.DEVANAGARI,
            UnicodeScript.BENGALI,
            UnicodeScript.GURMUKHI,
            UnicodeScript.GUJARATI,
            UnicodeScript.ORIYA,
            UnicodeScript.TAMIL,
            UnicodeScript.TELUGU,
            UnicodeScript.KANNADA,
            UnicodeScript.MALAYALAM,
            UnicodeScript.SINHALA,
            UnicodeScript.MYANMAR,
            UnicodeScript.KHMER,
            UnicodeScript.TIBETAN);

    private DisplayName() {}

    /** Returns the name trimmed, or throws the violation for {@code input}. */
    public static String require(Input input, String name) {
        if (name == null || name.isBlank()) {
            throw InvalidInput.of(input, Rule.REQUIRED);
        }
        Text.requireStorable(input, name);
        String trimmed = trim(name);
        if (trimmed.isEmpty()) {
            throw InvalidInput.of(input, Rule.REQUIRED);
        }
        if (Text.length(trimmed) > MAX_LENGTH) {
            throw InvalidInput.of(input, Rule.MORE_CHARACTERS_THAN, MAX_LENGTH);
        }
        int[] codePoints = trimmed.codePoints().toArray();
        int marksInARow = 0;
        for (int i = 0; i < codePoints.length; i++) {
            int c = codePoints[i];
            if (Character.isISOControl(c)) {
                throw InvalidInput.of(input, Rule.CONTROL_CHARACTERS);
            }
            if (isHidden(codePoints, i)) {
                throw InvalidInput.of(input, Rule.INVISIBLE_CHARACTERS);
            }
            if (isJoiner(c)) {
                // a joiner draws nothing: marks on either side of it stack on the same character
                continue;
            }
            marksInARow = isCombiningMark(c) ? marksInARow + 1 : 0;
            if (marksInARow > MAX_COMBINING_MARKS) {
                throw InvalidInput.of(input, Rule.TOO_MANY_COMBINING_MARKS, MAX_COMBINING_MARKS);
            }
        }
        return trimmed;
    }

    /** Without leading and trailing white space, the no-break spaces included, which strip() keeps. */
    private static String trim(String name) {
        int[] codePoints = name.codePoints().toArray();
        int from = 0;
        int to = codePoints.length;
        while (from < to && isSpace(codePoints[from])) {
            from++;
        }
        while (to > from && isSpace(codePoints[to - 1])) {
            to--;
        }
        return new String(codePoints, from, to - from);
    }

    private static boolean isSpace(int c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c);
    }

    /**
     * A format character, a line or paragraph separator, a noncharacter or a blank. The two joiners
     * are allowed where a script's spelling or an emoji sequence needs them, and nowhere else.
     */
    private static boolean isHidden(int[] codePoints, int i) {
        int c = codePoints[i];
        if (isJoiner(c)) {
            return !joinsHere(codePoints, i);
        }
        int type = Character.getType(c);
        return type == Character.FORMAT
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || isNoncharacter(c)
                || BLANK.contains(c);
    }

    private static boolean isJoiner(int c) {
        return c == ZERO_WIDTH_NON_JOINER || c == ZERO_WIDTH_JOINER;
    }

    /**
     * Between two letters of a joining script (Persian's non-joiner, the Indic conjuncts), or a
     * zero-width joiner between two emoji (a family, a skin tone, a presentation selector before it).
     */
    private static boolean joinsHere(int[] codePoints, int i) {
        if (i == 0 || i == codePoints.length - 1) {
            return false;
        }
        int before = codePoints[i - 1];
        int after = codePoints[i + 1];
        if (codePoints[i] == ZERO_WIDTH_JOINER
                && isEmoji(after)
                && (isEmoji(before) || before == EMOJI_PRESENTATION || isSkinTone(before))) {
            return true;
        }
        return JOINING_SCRIPTS.contains(UnicodeScript.of(before)) && JOINING_SCRIPTS.contains(UnicodeScript.of(after));
    }

    private static boolean isEmoji(int c) {
        return Character.getType(c) == Character.OTHER_SYMBOL;
    }

    private static boolean isSkinTone(int c) {
        return c >= 0x1F3FB && c <= 0x1F3FF;
    }

    private static boolean isCombiningMark(int c) {
        int type = Character.getType(c);
        return type == Character.NON_SPACING_MARK
                || type == Character.ENCLOSING_MARK
                || type == Character.COMBINING_SPACING_MARK;
    }

    /** U+FDD0..U+FDEF and the last two code points of every plane: never to be interchanged. */
    private static boolean isNoncharacter(int c) {
        return (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
    }
}
