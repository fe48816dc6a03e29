package fr.antiharcelement.school.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text as searches compare it: lower case, no accents, punctuation as spaces ("Saint-Éloi" → "saint eloi"). */
public final class SearchText {

    /** Compiled once, not at each call: an import computes several search texts per row. */
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private SearchText() {
    }

    public static String of(String... parts) {
        String joined = String.join(" ", parts);
        String withoutAccents = MARKS.matcher(Normalizer.normalize(joined, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
    }
}
