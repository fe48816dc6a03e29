package fr.antiharcelement.school.domain;

import java.util.Locale;
import java.util.Optional;

/**
 * The UAI (unité administrative immatriculée), the national identifier of a school: seven digits and a check
 * letter, the seven-digit number modulo 23 taken as an index into {@link #LETTERS} (I, O and Q never appear).
 */
public final class Uai {

    static final String LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

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
        if (!uai.matches("[0-9]{7}[A-Z]")) {
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
