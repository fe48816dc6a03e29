package fr.antiharcelement.api.http;

import fr.antiharcelement.api.problem.ProblemException;

import java.util.Arrays;
import java.util.Locale;

/**
 * Parses query parameters into domain values with a 400 that names the parameter and the accepted values
 * (JAX-RS itself would answer an unparsable query parameter with a bare 404).
 */
public final class QueryParams {

    private QueryParams() {
    }

    /** The constant of {@code type} named by {@code value} (any case), null when absent. */
    public static <E extends Enum<E>> E enumValue(String parameter, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }
}
