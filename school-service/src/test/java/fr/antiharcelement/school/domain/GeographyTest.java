package fr.antiharcelement.school.domain;

import fr.antiharcelement.kernel.RuleBrokenException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GeographyTest {

    private final Geography geography = new Geography();

    @Test
    void thereAreThirtyAcademiesSortedByName() {
        List<Geography.Academy> academies = geography.academies();

        assertThat(academies).as("académies since the 2020 Normandie merger").hasSize(30);
        assertThat(academies).extracting(Geography.Academy::name).as("académie names").isSorted()
                .contains("Normandie").doesNotContain("Caen", "Rouen");
    }

    @Test
    void normandieHoldsTheFiveDepartementsOfCaenAndRouen() {
        assertThat(geography.academy("70")).hasValueSatisfying(normandie ->
                assertThat(normandie.departments()).extracting(Geography.Department::code).as("départements of académie 70")
                        .containsExactlyInAnyOrder("014", "027", "050", "061", "076"));
    }

    @Test
    void aDepartementPlacesTheSchoolInItsAcademyAndRegion() {
        Geography.Placement place = geography.place("035", null, null);

        assertThat(place.department().name()).as("département name").isEqualTo("Ille-et-Vilaine");
        assertThat(place.academy().code()).as("académie code").isEqualTo("14");
        assertThat(place.academy().name()).as("académie name").isEqualTo("Rennes");
        assertThat(place.region()).as("région").isEqualTo(new Geography.Region("53", "Bretagne"));
    }

    @Test
    void departementCodesArePaddedAsTheAnnuaireWritesThem() {
        assertThat(Geography.normalizeDepartment("35")).as("35").isEqualTo("035");
        assertThat(Geography.normalizeDepartment("2a")).as("2a").isEqualTo("02A");
        assertThat(Geography.normalizeDepartment(" 971 ")).as("971 with spaces").isEqualTo("971");
        assertThat(Geography.normalizeDepartment("")).as("empty").isEmpty();
        assertThat(Geography.normalizeDepartment(null)).as("null").isNull();
    }

    @Test
    void aShortOrLowerCaseCodePlacesLikeItsPaddedForm() {
        assertThat(geography.place("29", null, null).department().name()).as("département 29").isEqualTo("Finistère");
        assertThat(geography.place("2b", null, null).academy().name()).as("académie of 2b").isEqualTo("Corse");
    }

    @Test
    void anAcademyOrRegionAgreeingWithTheDepartementIsAccepted() {
        Geography.Placement place = geography.place("035", " 14 ", "53");

        assertThat(place.academy().code()).as("académie code").isEqualTo("14");
        assertThat(geography.place("035", " ", "").region().code()).as("région code when académie and région are blank")
                .isEqualTo("53");
    }

    @Test
    void anUnknownDepartementBreaksARuleNamingTheCodeAsGiven() {
        assertThatThrownBy(() -> geography.place("999", null, null)).isInstanceOf(RuleBrokenException.class)
                .hasMessage("Unknown département code 999");
    }

    @Test
    void anAcademyThatDisagreesWithTheDepartementBreaksARuleNamingBoth() {
        assertThatThrownBy(() -> geography.place("35", "01", null)).isInstanceOf(RuleBrokenException.class)
                .hasMessage("Département 035 (Ille-et-Vilaine) belongs to académie 14 (Rennes), not 01");
    }

    @Test
    void aRegionThatDisagreesWithTheDepartementBreaksARuleNamingBoth() {
        assertThatThrownBy(() -> geography.place("035", "14", "11")).isInstanceOf(RuleBrokenException.class)
                .hasMessage("Département 035 (Ille-et-Vilaine) is in région 53 (Bretagne), not 11");
    }
}
