package fr.antiharcelement.school.domain;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTextTest {

    @Test
    void accentsCaseAndPunctuationAreWhatASearchIgnores() {
        assertThat(SearchText.of("Collège Saint-Éloi")).isEqualTo("college saint eloi");
        assertThat(SearchText.of("  LYCÉE  d'Arsonval -- (Brive) ")).isEqualTo("lycee d arsonval brive");
        assertThat(SearchText.of("École", "Zoë", "Noël")).isEqualTo("ecole zoe noel");
        assertThat(SearchText.of("0190012A", "19100")).isEqualTo("0190012a 19100");
        assertThat(SearchText.of("", " ", "---")).isEmpty();
    }

    /** The words of the definition, as two regular expressions once computed them: the single pass must agree. */
    @Test
    void theOnePassAgreesWithTheDefinitionOnAwkwardText() {
        Pattern marks = Pattern.compile("\\p{M}+");
        Pattern notAlphanumeric = Pattern.compile("[^a-z0-9]+");
        String alphabet = "aZéÉèçÇîÏôÔùÛÿŸœŒæßİıﬁ0123456789 -'’.,()/\t\n\u0301\u0327\u00a0\u2009ΩЖ字😀";
        Random random = new Random(13);
        for (int n = 0; n < 5_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                text.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0,
                        random.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String withoutAccents = marks.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
            String expected = notAlphanumeric.matcher(withoutAccents.toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
            assertThat(SearchText.of(text.toString())).as("search text of \"%s\"", text).isEqualTo(expected);
        }
    }
}
