package fr.antiharcelement.school.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.DomainException;
import fr.antiharcelement.kernel.InvalidInputException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.StaleVersionException;
import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The directory's rules through its ports, with schools kept in memory and the time fixed. */
class SchoolDirectoryTest {

    private static final Geography GEOGRAPHY = new Geography();
    private static final Instant NOW = Instant.parse("2025-03-03T08:00:00Z");

    private final InMemorySchools schools = new InMemorySchools();
    private final RecordedEvents events = new RecordedEvents();
    private final SchoolDirectory directory = new SchoolDirectory(schools, events, Clock.fixed(NOW, CampaignTime.ZONE));

    @Test
    void aRegisteredSchoolIsStoredAndPublishedAtVersionOneStampedInCampaignTime() {
        School school = directory.register(" 0290001u ", brest("Collège Kerichen", SchoolStatus.OPEN));

        assertThat(school.uai).as("UAI, normalised").isEqualTo("0290001U");
        assertThat(schools.byUai("0290001U")).as("stored school").containsSame(school);
        assertThat(events.published).as("published events").containsExactly("registered 0290001U v1");
        assertThat(school.createdAt).as("createdAt, 9:00 in Paris").isEqualTo(OffsetDateTime.parse("2025-03-03T09:00:00+01:00"));
    }

    @Test
    void registeringAKnownUaiAgainIsAConflictNamingIt() {
        directory.register("0290001U", brest("Collège Kerichen", SchoolStatus.OPEN));

        assertThatThrownBy(() -> directory.register("0290001U", brest("Autre", SchoolStatus.OPEN)))
                .isInstanceOf(ConflictException.class)
                .hasMessage("School 0290001U is already registered; change it with PUT /api/v1/schools/0290001U");
        assertThat(events.published).as("published events").hasSize(1);
    }

    @Test
    void aWrongCheckLetterIsInvalidInputOnTheUaiFieldNamingTheExpectedLetter() {
        InvalidInputException invalid = catchThrowableOfType(InvalidInputException.class,
                () -> directory.register("0290001A", brest("Collège Faux", SchoolStatus.OPEN)));

        assertThat(invalid.getMessage()).as("message").isEqualTo("uai: has check letter A but 0290001 expects U");
        assertThat(invalid.fieldErrors()).as("field errors")
                .containsExactly(new DomainException.FieldError("uai", "has check letter A but 0290001 expects U"));
        assertThat(schools.stored).as("stored schools").isEmpty();
    }

    @Test
    void anUpdateFromAStaleVersionIsRefusedWithTheCurrentVersion() {
        directory.register("0290001U", brest("Collège Kerichen", SchoolStatus.OPEN));
        directory.update("0290001U", 1, brest("Collège de Kerichen", SchoolStatus.OPEN));

        StaleVersionException stale = catchThrowableOfType(StaleVersionException.class,
                () -> directory.update("0290001U", 1, brest("Collège Écrasé", SchoolStatus.OPEN)));

        assertThat(stale.getMessage()).as("message").isEqualTo("School 0290001U has changed since you read it: it is at "
                + "version 2, your If-Match says 1. Read it again and reapply your change.");
        assertThat(stale.facts()).as("facts").containsEntry("currentVersion", 2L);
        assertThat(schools.stored.get("0290001U").name).as("name kept").isEqualTo("Collège de Kerichen");
    }

    @Test
    void anUnknownSchoolIsNotFoundByItsNormalisedUai() {
        assertThatThrownBy(() -> directory.find("0290001u")).isInstanceOf(NotFoundException.class)
                .hasMessage("No school with UAI 0290001U");
        assertThatThrownBy(() -> directory.update("0290001u", 1, brest("Collège", SchoolStatus.OPEN)))
                .isInstanceOf(NotFoundException.class).hasMessage("No school with UAI 0290001U");
    }

    @Test
    void anUnchangedSchoolKeepsItsVersionAndPublishesNothing() {
        School school = directory.register("0290001U", brest("Collège Kerichen", SchoolStatus.OPEN));

        SchoolDirectory.Outcome outcome = directory.upsert("0290001U", school, brest("Collège Kerichen", SchoolStatus.OPEN));

        assertThat(outcome).as("outcome").isEqualTo(SchoolDirectory.Outcome.UNCHANGED);
        assertThat(school.version).as("version").isEqualTo(1);
        assertThat(events.published).as("published events").containsExactly("registered 0290001U v1");
    }

    @Test
    void aChangeIsPublishedWithTheStatusTheSchoolHadBefore() {
        School school = directory.register("0290001U", brest("Collège Kerichen", SchoolStatus.OPEN));

        directory.update("0290001U", 1, brest("Collège Kerichen", SchoolStatus.CLOSED));

        assertThat(school.version).as("version").isEqualTo(2);
        assertThat(events.published).as("published events")
                .containsExactly("registered 0290001U v1", "changed 0290001U v2 from OPEN");
    }

    @Test
    void anImportUpsertCreatesASchoolItDoesNotKnow() {
        SchoolDirectory.Outcome outcome = directory.upsert("0290001U", null, brest("Collège Kerichen", SchoolStatus.OPEN));

        assertThat(outcome).as("outcome").isEqualTo(SchoolDirectory.Outcome.CREATED);
        assertThat(schools.stored).as("stored schools").containsKey("0290001U");
        assertThat(events.published).as("published events").containsExactly("registered 0290001U v1");
    }

    @Test
    void aBulkUpsertHandsWhatItCreatesAndChangesToTheImportAndPublishesEachOnce() {
        School known = School.register("0290001U", brest("Collège Kerichen", SchoolStatus.OPEN), OffsetDateTime.now());
        List<School> created = new ArrayList<>();
        List<School> changed = new ArrayList<>();

        directory.upsert("0290001U", known, brest("Collège Kerichen", SchoolStatus.CLOSED), created, changed);
        directory.upsert("0290002V", null, brest("Collège Brizeux", SchoolStatus.OPEN), created, changed);
        directory.upsert("0290001U", known, brest("Collège Kerichen", SchoolStatus.CLOSED), created, changed);

        assertThat(changed).as("changed schools").containsExactly(known);
        assertThat(known.version).as("version of the changed school").isEqualTo(2);
        assertThat(created).as("created schools").extracting(school -> school.uai).containsExactly("0290002V");
        assertThat(schools.stored).as("schools stored by the directory itself").isEmpty();
        assertThat(events.published).as("published events")
                .containsExactly("changed 0290001U v2 from OPEN", "registered 0290002V v1");
    }

    private static School.Details brest(String name, SchoolStatus status) {
        return new School.Details(name, SchoolType.COLLEGE, Sector.PUBLIC, "29019", "Brest", "29200",
                GEOGRAPHY.place("029", null, null), EducationPriority.REP, 540, status);
    }

    private static final class InMemorySchools implements SchoolStore {
        final Map<String, School> stored = new HashMap<>();

        @Override
        public Optional<School> byUai(String uai) {
            return Optional.ofNullable(stored.get(uai));
        }

        @Override
        public Optional<School> byUaiForUpdate(String uai) {
            return byUai(uai);
        }

        @Override
        public Map<String, School> byUaisForUpdate(Collection<String> uais) {
            Map<String, School> found = new HashMap<>();
            uais.stream().filter(stored::containsKey).forEach(uai -> found.put(uai, stored.get(uai)));
            return found;
        }

        @Override
        public void add(School school) {
            stored.put(school.uai, school);
        }

        @Override
        public void save(School school) {
            stored.put(school.uai, school);
        }

        @Override
        public PageView<School> search(SchoolQuery query, PageRequest page) {
            throw new UnsupportedOperationException("searching is the database's work");
        }

        @Override
        public long count() {
            return stored.size();
        }

        @Override
        public boolean beginBulkLoad() {
            return false;
        }

        @Override
        public void saveAll(Collection<School> created, Collection<School> changed) {
            created.forEach(this::add);
            changed.forEach(this::add);
        }
    }

    private static final class RecordedEvents implements SchoolEventPublisher {
        final List<String> published = new ArrayList<>();

        @Override
        public void registered(School school) {
            published.add("registered " + school.uai + " v" + school.version);
        }

        @Override
        public void changed(School school, SchoolStatus statusBefore) {
            published.add("changed " + school.uai + " v" + school.version + " from " + statusBefore);
        }
    }
}
