package fr.antiharcelement.school.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The UAI (unité administrative immatriculée), the national identifier of a school: seven digits and a check
 * letter, the seven-digit number modulo 23 taken as an index into {@link #LETTERS} (I, O and Q never appear).
 */
public final class Uai {

    static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    /** Compiled once: an import checks every row's UAI, and compiling it per row was a percent of the import's CPU. */
    private static final Pattern SHAPE = Pattern.compile("[0-9]{7}[A-Z]");

    private Uai() {
    }

    /** Upper-cases and trims, as users type UAIs in any case. */
    public static String normalize(String raw) {
        return raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
    }

    /** The check letter of seven digits. */
    public static char checkLetter(String sevenDigits) {
        return LETTERS.charAt(Integer.parseInt(sevenDigits) % 23);
    }

    /** Why {@code uai} (already normalised) is not a valid UAI, or empty if it is. */
    public static Optional<String> problem(String uai) {
        if (uai == null || uai.isEmpty()) {
            return Optional.of("is required");
        }
        if (!SHAPE.matcher(uai).matches()) {
            return Optional.of("must be 7 digits followed by a check letter, e.g. 0350122T");
        }
        char expected = checkLetter(uai.substring(0, 7));
        if (uai.charAt(7) != expected) {
            return Optional.of("has check letter " + uai.charAt(7) + " but " + uai.substring(0, 7) + " expects " + expected);
        }
        return Optional.empty();
    }

    public static boolean isValid(String uai) {
        return problem(uai).isEmpty();
    }
}
