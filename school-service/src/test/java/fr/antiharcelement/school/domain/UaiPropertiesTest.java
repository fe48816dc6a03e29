package fr.antiharcelement.school.domain;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;

class UaiPropertiesTest {

    private static final String CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    @Property
    void aCodeWithItsCheckLetterIsValid(@ForAll("sevenDigits") String digits) {
        String uai = digits + Uai.checkLetter(digits);

        assertThat(Uai.isValid(uai)).isTrue();
        assertThat(Uai.isValid(Uai.normalize("  " + uai.toLowerCase() + " "))).isTrue();
    }

    @Property
    void everyOneCharacterChangeOfAValidCodeIsRejected(@ForAll("sevenDigits") String digits,
                                                       @ForAll @IntRange(min = 0, max = 7) int position,
                                                       @ForAll("characters") char replacement) {
        String uai = digits + Uai.checkLetter(digits);
        if (uai.charAt(position) == replacement) {
            return; // not a change
        }
        String changed = uai.substring(0, position) + replacement + uai.substring(position + 1);

        assertThat(Uai.problem(changed)).as(changed).isPresent();
    }

    @Property
    void theCheckLetterNeverUsesIOrQ(@ForAll("sevenDigits") String digits) {
        assertThat(Uai.checkLetter(digits)).isNotIn('I', 'O', 'Q');
    }

    @Property
    void aWrongLetterIsReportedWithTheExpectedOne(@ForAll("sevenDigits") String digits) {
        char expected = Uai.checkLetter(digits);
        char wrong = expected == 'A' ? 'B' : 'A';

        assertThat(Uai.problem(digits + wrong)).hasValueSatisfying(problem -> assertThat(problem).endsWith("expects " + expected));
    }

    @Provide
    Arbitrary<String> sevenDigits() {
        return Arbitraries.strings().withCharRange('0', '9').ofLength(7);
    }

    @Provide
    Arbitrary<Character> characters() {
        return Arbitraries.of(CHARACTERS.chars().mapToObj(c -> (char) c).toList());
    }
}
