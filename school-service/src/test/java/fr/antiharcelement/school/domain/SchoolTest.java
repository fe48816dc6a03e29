package fr.antiharcelement.school.domain;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

class SchoolTest {

    private static final Geography GEOGRAPHY = new Geography();
    private static final OffsetDateTime MONDAY = OffsetDateTime.of(2025, 3, 3, 9, 0, 0, 0, ZoneOffset.ofHours(1));
    private static final OffsetDateTime TUESDAY = MONDAY.plusDays(1);

    @Test
    void aNewSchoolStartsAtVersionOneCreatedAndUpdatedNow() {
        School school = School.register("0290001U", new Draft().details(), MONDAY);

        assertThat(school.version).as("version").isEqualTo(1);
        assertThat(school.createdAt).as("createdAt").isEqualTo(MONDAY);
        assertThat(school.updatedAt).as("updatedAt").isEqualTo(MONDAY);
        assertThat(school.academyCode).as("académie derived from the département").isEqualTo("14");
        assertThat(school.regionCode).as("région derived from the département").isEqualTo("53");
    }

    @Test
    void aChangeMovesToTheNextVersionAndKeepsTheCreationTime() {
        School school = School.register("0290001U", new Draft().details(), MONDAY);
        Draft renamed = new Draft();
        renamed.name = "Collège de Kerichen";

        school.change(renamed.details(), TUESDAY);

        assertThat(school.name).as("name").isEqualTo("Collège de Kerichen");
        assertThat(school.version).as("version").isEqualTo(2);
        assertThat(school.createdAt).as("createdAt").isEqualTo(MONDAY);
        assertThat(school.updatedAt).as("updatedAt").isEqualTo(TUESDAY);
    }

    @Test
    void theSameDetailsAreNoChange() {
        School school = School.register("0290001U", new Draft().details(), MONDAY);

        assertThat(school.differsFrom(new Draft().details())).as("differs from its own details").isFalse();
    }

    @Test
    void everyDetailAloneIsAChange() {
        School school = School.register("0290001U", new Draft().details(), MONDAY);
        Map<String, Consumer<Draft>> changes = Map.ofEntries(
                Map.entry("name", draft -> draft.name = "Collège Kérichen"),
                Map.entry("type", draft -> draft.type = SchoolType.LYCEE),
                Map.entry("sector", draft -> draft.sector = Sector.PRIVATE),
                Map.entry("communeCode", draft -> draft.communeCode = null),
                Map.entry("communeName", draft -> draft.communeName = "Brest Cedex"),
                Map.entry("postalCode", draft -> draft.postalCode = "29000"),
                Map.entry("département", draft -> draft.departmentCode = "022"),
                Map.entry("educationPriority", draft -> draft.priority = EducationPriority.REP_PLUS),
                Map.entry("pupils", draft -> draft.pupils = 541),
                Map.entry("status", draft -> draft.status = SchoolStatus.CLOSED));

        changes.forEach((field, change) -> {
            Draft changed = new Draft();
            change.accept(changed);
            assertThat(school.differsFrom(changed.details())).as("a change of %s alone", field).isTrue();
        });
    }

    @Test
    void theSearchTextIsTheNameAndCommuneWithoutCaseAccentsOrPunctuation() {
        Draft draft = new Draft();
        draft.name = "Collège Saint-Éloi";

        School school = School.register("0290001U", draft.details(), MONDAY);

        assertThat(school.searchText).as("searchText").isEqualTo("college saint eloi brest");
    }

    /** The details of a collège in Brest (Finistère), one field at a time changeable. */
    private static final class Draft {
        String name = "Collège Kerichen";
        SchoolType type = SchoolType.COLLEGE;
        Sector sector = Sector.PUBLIC;
        String communeCode = "29019";
        String communeName = "Brest";
        String postalCode = "29200";
        String departmentCode = "029";
        EducationPriority priority = EducationPriority.REP;
        Integer pupils = 540;
        SchoolStatus status = SchoolStatus.OPEN;

        School.Details details() {
            return new School.Details(name, type, sector, communeCode, communeName, postalCode,
                    GEOGRAPHY.place(departmentCode, null, null), priority, pupils, status);
        }
    }
}
