package fr.antiharcelement.school.domain;

import fr.antiharcelement.api.http.Etags;
import fr.antiharcelement.api.http.PageRequest;
import fr.antiharcelement.api.http.PageView;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.school.events.SchoolEvents;
import fr.antiharcelement.school.persistence.SchoolRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** The school directory: registers, changes and finds schools; every change publishes its event. */
@ApplicationScoped
public class SchoolDirectory {

    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    SchoolRepository schools;

    @Inject
    SchoolEvents events;

    /** What happened to a school given by an import or a user. */
    public enum Outcome { CREATED, UPDATED, UNCHANGED }

    @Transactional
    public School register(String rawUai, School.Details details) {
        String uai = validUai(rawUai);
        if (schools.findByIdOptional(uai).isPresent()) {
            throw ProblemException.conflict("School " + uai + " is already registered; change it with PUT /api/v1/schools/" + uai);
        }
        School school = School.register(uai, details, now());
        schools.persist(school);
        events.registered(school);
        return school;
    }

    /** Replaces a school's details if {@code expectedVersion} is still current; a change bumps the version. */
    @Transactional
    public School update(String rawUai, long expectedVersion, School.Details details) {
        School school = schools.findForUpdate(Uai.normalize(rawUai)).orElseThrow(() -> notFound(rawUai));
        Etags.checkCurrent(expectedVersion, school.version, "School " + school.uai);
        upsert(school.uai, school, details);
        return school;
    }

    /** Creates or changes one school, publishing only when something changed. Runs in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outcome upsert(String uai, School existing, School.Details details) {
        if (existing == null) {
            School school = School.register(uai, details, now());
            schools.persist(school);
            events.registered(school);
            return Outcome.CREATED;
        }
        if (!existing.differsFrom(details)) {
            return Outcome.UNCHANGED;
        }
        SchoolStatus before = existing.status;
        existing.change(details, now());
        events.changed(existing, before);
        return Outcome.UPDATED;
    }

    @Transactional
    public School find(String rawUai) {
        return schools.findByIdOptional(Uai.normalize(rawUai)).orElseThrow(() -> notFound(rawUai));
    }

    @Transactional
    public PageView<School> search(SchoolQuery query, PageRequest page) {
        PanacheQuery<School> found = schools.search(query, page);
        return PageView.of(found.list(), page, found.count());
    }

    /** The normalised UAI, or a 400 naming the field and, for a wrong check letter, the expected one. */
    public static String validUai(String rawUai) {
        String uai = Uai.normalize(rawUai);
        Uai.problem(uai).ifPresent(problem -> {
            throw ProblemException.invalidField("uai", problem);
        });
        return uai;
    }

    private static ProblemException notFound(String uai) {
        return ProblemException.notFound("No school with UAI " + Uai.normalize(uai));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(PARIS);
    }
}
