package io.akhbar.indexer.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Character-level clean-up shared by the parsers. Two different outputs:
 *
 * <ul>
 *   <li>{@link #cleanLine(String)} keeps the text as the reader should see it, only removing what
 *       is never content: invisible format characters (bidi marks, zero-width space, BOM, soft
 *       hyphen — but not ZWNJ/ZWJ, which Persian-script Kurdish spells with), control characters,
 *       U+FFFD replacement characters left by bad UTF-8, private-use icon-font glyphs, unpaired
 *       surrogates; every kind of space (NBSP, thin space...) becomes one ASCII space; the scraper's
 *       doubled hashtag markup {@code "# #word"} becomes {@code "#word"}.
 *   <li>{@link #fold(String)} is only for matching rules against a line: lower case, ASCII
 *       digits, no Arabic diacritics or tatweel, one alef, {@code ى→ي}, {@code ة→ه}, Persian
 *       {@code ی/ک} to Arabic {@code ي/ك}. It is never shown to anyone.
 * </ul>
 */
final class TextNormalizer {

    private TextNormalizer() {}

    /** Readable clean line: see the class comment. Never returns null. */
    static String cleanLine(String line) {
        if (line == null || line.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(line.length());
        boolean pendingSpace = false;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            i += Character.charCount(cp);
            if (isSpace(cp)) {
                pendingSpace = out.length() > 0;
                continue;
            }
            if (isDropped(cp)) {
                continue;
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.appendCodePoint(cp);
        }
        String s = out.toString();
        return s.indexOf('#') >= 0 ? collapseHashes(s) : s;
    }

    /**
     * {@code "# #word"} (and {@code "# # #word"}) to {@code "#word"}: a run of '#' and spaces whose
     * last '#' touches a word becomes a single '#'. Linear time, whatever the input.
     */
    static String collapseHashes(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (c != '#') {
                out.append(c);
                i++;
                continue;
            }
            int j = i;
            int lastHash = i;
            while (j < n && (s.charAt(j) == '#' || s.charAt(j) == ' ')) {
                if (s.charAt(j) == '#') {
                    lastHash = j;
                }
                j++;
            }
            boolean touchesWord = lastHash + 1 < n
                    && (Character.isLetterOrDigit(s.charAt(lastHash + 1)) || s.charAt(lastHash + 1) == '_');
            if (touchesWord) {
                out.append('#');
                i = lastHash + 1;
            } else {
                out.append(s, i, j);
                i = j;
            }
        }
        return out.toString();
    }

    private static boolean isSpace(int cp) {
        if (cp == '\t' || cp == ' ') {
            return true;
        }
        int type = Character.getType(cp);
        return type == Character.SPACE_SEPARATOR
                || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR
                || Character.isWhitespace(cp);
    }

    private static boolean isDropped(int cp) {
        if (cp == 0xFFFD) {
            return true;
        }
        if (cp == 0x200C || cp == 0x200D) { // ZWNJ, ZWJ: part of Persian-script spelling
            return false;
        }
        int type = Character.getType(cp);
        return type == Character.FORMAT
                || type == Character.CONTROL
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    /** Matching form of a text: see the class comment. */
    static String fold(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String lower = s.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (c >= '\u064B' && c <= '\u065F' || c == '\u0670' || c == '\u0640') {
                continue; // harakat, superscript alef, tatweel
            }
            switch (c) {
                case 'أ', 'إ', 'آ', 'ٱ' -> out.append('ا');
                case 'ى' -> out.append('ي');
                case 'ة' -> out.append('ه');
                case 'ی' -> out.append('ي');
                case 'ک' -> out.append('ك');
                case '\u00A0', '\u202F', '\u2007' -> out.append(' ');
                default -> out.append(asciiDigit(c));
            }
        }
        return out.toString();
    }

    /** Arabic-Indic (U+0660..) and Persian/Extended Arabic-Indic (U+06F0..) digits to ASCII. */
    static String toAsciiDigits(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            out.append(asciiDigit(s.charAt(i)));
        }
        return out.toString();
    }

    private static char asciiDigit(char c) {
        if (c >= '\u0660' && c <= '\u0669') {
            return (char) ('0' + (c - '\u0660'));
        }
        if (c >= '\u06F0' && c <= '\u06F9') {
            return (char) ('0' + (c - '\u06F0'));
        }
        return c;
    }

    /**
     * Folded text with everything but letters and digits turned into single spaces: the form the
     * phrase rules compare ("اقرأ أيضاً:" and "» اقرا ايضا" both give "اقرا ايضا").
     */
    static String phraseKey(String s) {
        String f = fold(s);
        StringBuilder out = new StringBuilder(f.length());
        boolean space = false;
        for (int i = 0; i < f.length(); ) {
            int cp = f.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK) {
                if (space && out.length() > 0) {
                    out.append(' ');
                }
                space = false;
                out.appendCodePoint(cp);
            } else {
                space = true;
            }
        }
        return out.toString();
    }

    /** Key for "is this the same line again": letters and digits of the folded text only. */
    static String dedupeKey(String s) {
        return phraseKey(s).replace(" ", "");
    }

    /** Whitespace-separated tokens that contain at least one letter or digit. */
    static List<String> words(String s) {
        List<String> words = new ArrayList<>();
        if (s == null) {
            return words;
        }
        for (String token : s.trim().split("\\s+")) {
            if (hasLetterOrDigit(token)) {
                words.add(token);
            }
        }
        return words;
    }

    static int wordCount(String s) {
        return words(s).size();
    }

    static boolean hasLetter(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetter(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    static boolean hasLetterOrDigit(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** The line without trailing closing quotes/brackets/spaces, to look at its real last mark. */
    static char lastMeaningfulChar(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || "\"'”’»)]}›".indexOf(c) >= 0) {
                continue;
            }
            return c;
        }
        return 0;
    }
}
