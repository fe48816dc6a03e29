package fr.antiharcelement.school.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.InvalidInputException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.StaleVersionException;
import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Consumer;

/** The school directory: registers, changes and finds schools; every change publishes its event. */
@ApplicationScoped
public class SchoolDirectory {

    private final SchoolStore schools;
    private final SchoolEventPublisher events;
    private final Clock clock;

    @Inject
    public SchoolDirectory(SchoolStore schools, SchoolEventPublisher events, Clock clock) {
        this.schools = schools;
        this.events = events;
        this.clock = clock;
    }

    /** What happened to a school given by an import or a user. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    @Transactional
    public School register(String rawUai, School.Details details) {
        String uai = validUai(rawUai);
        if (schools.byUai(uai).isPresent()) {
            throw new ConflictException("School " + uai + " is already registered; change it with PUT /api/v1/schools/" + uai);
        }
        School school = School.register(uai, details, now());
        schools.add(school);
        events.registered(school);
        return school;
    }

    /** Replaces a school's details if {@code expectedVersion} is still current; a change bumps the version. */
    @Transactional
    public School update(String rawUai, long expectedVersion, School.Details details) {
        School school = schools.byUaiForUpdate(Uai.normalize(rawUai)).orElseThrow(() -> notFound(rawUai));
        StaleVersionException.check(expectedVersion, school.version, "School " + school.uai);
        upsert(school.uai, school, details);
        return school;
    }

    /** Creates or changes one school, publishing only when something changed. Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome upsert(String uai, School existing, School.Details details) {
        return upsert(uai, existing, details, schools::add, schools::save);
    }

    /**
     * The same for a bulk import, on a school read untracked ({@link SchoolStore#byUaisForUpdate}): the school it
     * creates goes to {@code created}, the one it changes to {@code changed}, which the import saves a chunk at a time
     * ({@link SchoolStore#saveAll}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome upsert(String uai, School existing, School.Details details, List<School> created, List<School> changed) {
        return upsert(uai, existing, details, created::add, changed::add);
    }

    /** Publishes the registration of schools an import registered itself, in one statement. Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void registeredInBulk(List<School> registered) {
        registered.forEach(events::registered);
    }

    private Outcome upsert(String uai, School existing, School.Details details, Consumer<School> created,
                           Consumer<School> changed) {
        if (existing == null) {
            School school = School.register(uai, details, now());
            created.accept(school);
            events.registered(school);
            return Outcome.CREATED;
        }
        if (!existing.differsFrom(details)) {
            return Outcome.UNCHANGED;
        }
        SchoolStatus before = existing.status;
        existing.change(details, now());
        changed.accept(existing);
        events.changed(existing, before);
        return Outcome.UPDATED;
    }

    @Transactional
    public School find(String rawUai) {
        return schools.byUai(Uai.normalize(rawUai)).orElseThrow(() -> notFound(rawUai));
    }

    @Transactional
    public PageView<School> search(SchoolQuery query, PageRequest page) {
        return schools.search(query, page);
    }

    /**
     * The normalised UAI; an invalid one is refused on the {@code uai} field, naming the expected check letter when only
     * that is wrong.
     */
    public static String validUai(String rawUai) {
        String uai = Uai.normalize(rawUai);
        Uai.problem(uai).ifPresent(problem -> {
            throw InvalidInputException.field("uai", problem);
        });
        return uai;
    }

    private static NotFoundException notFound(String uai) {
        return new NotFoundException("No school with UAI " + Uai.normalize(uai));
    }

    private OffsetDateTime now() {
        return CampaignTime.now(clock);
    }
}
