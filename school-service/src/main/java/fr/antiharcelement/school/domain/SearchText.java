package fr.antiharcelement.school.domain;

import java.text.Normalizer;
import java.util.Locale;

/** Text as searches compare it: lower case, no accents, punctuation as spaces ("Saint-Éloi" → "saint eloi"). */
public final class SearchText {

    private SearchText() {
    }

    public static String of(String... parts) {
        String joined = String.join(" ", parts);
        String withoutAccents = Normalizer.normalize(joined, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return withoutAccents.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }
}
