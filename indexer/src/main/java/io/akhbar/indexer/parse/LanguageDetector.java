package io.akhbar.indexer.parse;

/**
 * Script-based language guess for the languages this engine indexes: Arabic ({@code "ar"}),
 * English ({@code "en"}), Kurdish Sorani ({@code "ku"}); anything else is {@code "und"}.
 *
 * <h2>Rule</h2>
 * Count letters (digits, punctuation and marks do not count) by Unicode script.
 * <ol>
 *   <li>Fewer than {@value #MIN_LETTERS} letters: {@code "und"} — too little to say anything.
 *   <li>The script with the most letters wins, so a mixed page is the language of its majority
 *       (an Arabic statement with an English blurb is Arabic). Latin majority: {@code "en"} (the
 *       only Latin-script language indexed; French or Latin-script Kurmanji would also come out
 *       {@code "en"}). A majority in any other script (Cyrillic, Hebrew...): {@code "und"}.
 *   <li>Arabic-script majority: Sorani Kurdish writes vowels and sounds with letters that
 *       Arabic never uses: {@code ە ێ ۆ ڕ ڵ} (the "strong" letters; {@code ە} alone is several
 *       per cent of Sorani text). {@code "ku"} when strong letters are at least
 *       {@value #SORANI_STRONG_SHARE} of the Arabic-script letters, or at least
 *       {@value #SORANI_WEAK_SHARE} when the text also spells with the Persian-style
 *       {@code ی ک ھ ڤ} more than with Arabic {@code ي ك ة} (Sorani never uses {@code ة}). An Arabic
 *       story that quotes a few Kurdish names ({@code هەولێر}) stays well below the thresholds.
 *   <li>Arabic script, not Sorani, but spelled the Persian way — {@code ی/ک} rather than
 *       {@code ي/ك}, and {@code پ چ ژ گ} present — is Persian (or Urdu), which this engine does
 *       not index as Arabic: {@code "und"}.
 *   <li>Otherwise {@code "ar"}.
 * </ol>
 */
public final class LanguageDetector {

    public static final String ARABIC = "ar";
    public static final String ENGLISH = "en";
    public static final String KURDISH = "ku";
    public static final String UNDETERMINED = "und";
    /** Every code an article's language may have: what the detector returns and what feeds and the API accept. */
    public static final java.util.Set<String> CODES = java.util.Set.of(ARABIC, ENGLISH, KURDISH, UNDETERMINED);

    static final int MIN_LETTERS = 10;
    static final double SORANI_STRONG_SHARE = 0.02;
    static final double SORANI_WEAK_SHARE = 0.005;
    static final double PERSIAN_LETTER_SHARE = 0.01;

    /** The writing system with the most letters in a text. */
    enum Script { ARABIC, LATIN, OTHER, NONE }

    private LanguageDetector() {}

    /** "ar", "en", "ku" or "und" for the text; see the class comment. Never throws. */
    public static String detect(String text) {
        Counts c = count(text);
        if (c.letters() < MIN_LETTERS) {
            return UNDETERMINED;
        }
        Script script = c.majority();
        if (script == Script.LATIN) {
            return ENGLISH;
        }
        if (script != Script.ARABIC) {
            return UNDETERMINED;
        }
        double strong = (double) c.soraniStrong / c.arabic;
        boolean persianSpelling = c.persianForms > c.arabicForms;
        if (strong >= SORANI_STRONG_SHARE || strong >= SORANI_WEAK_SHARE && persianSpelling) {
            return KURDISH;
        }
        if (persianSpelling && (double) c.persianOnly / c.arabic >= PERSIAN_LETTER_SHARE) {
            return UNDETERMINED;
        }
        return ARABIC;
    }

    /** The majority script of a text (NONE when it has no letters). */
    static Script dominantScript(String text) {
        return count(text).majority();
    }

    private static Counts count(String text) {
        Counts c = new Counts();
        if (text == null) {
            return c;
        }
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isLetter(cp)) {
                continue;
            }
            Character.UnicodeScript script;
            try {
                script = Character.UnicodeScript.of(cp);
            } catch (IllegalArgumentException e) {
                continue;
            }
            if (script == Character.UnicodeScript.ARABIC) {
                c.arabic++;
                switch (cp) {
                    case 0x06D5, 0x06CE, 0x06C6, 0x0695, 0x06B5 -> c.soraniStrong++; // ە ێ ۆ ڕ ڵ
                    case 0x06CC, 0x06A9, 0x06BE, 0x06A4 -> c.persianForms++;          // ی ک ھ ڤ
                    case 0x064A, 0x0643, 0x0629 -> c.arabicForms++;                   // ي ك ة
                    case 0x067E, 0x0686, 0x0698, 0x06AF -> c.persianOnly++;           // پ چ ژ گ
                    default -> { }
                }
            } else if (script == Character.UnicodeScript.LATIN) {
                c.latin++;
            } else {
                c.other++;
            }
        }
        return c;
    }

    private static final class Counts {
        int arabic;
        int latin;
        int other;
        int soraniStrong;
        int persianForms;
        int arabicForms;
        int persianOnly;

        int letters() {
            return arabic + latin + other;
        }

        Script majority() {
            if (letters() == 0) {
                return Script.NONE;
            }
            if (arabic >= latin && arabic >= other) {
                return Script.ARABIC;
            }
            return latin >= other ? Script.LATIN : Script.OTHER;
        }
    }
}
