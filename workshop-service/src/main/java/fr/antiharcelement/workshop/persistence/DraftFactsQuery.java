package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.Campaign;
import fr.antiharcelement.workshop.domain.DraftFacts;
import fr.antiharcelement.workshop.domain.Facilitator;
import fr.antiharcelement.workshop.domain.Partner;
import fr.antiharcelement.workshop.domain.SchoolReplica;
import fr.antiharcelement.workshop.domain.WorkshopDraft;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * One query for a draft's facts: a row of four outer joins on primary keys and the overlap as a sub-select, read
 * with a plain statement on the transaction's connection. The facts are read, never changed, so they need not be
 * managed entities; Hibernate building an entity mapping for this native query on every call was the largest part of
 * a creation's CPU in the service (docs/benchmark-methods.md). The facilitator's e-mail is not read: no rule needs it.
 *
 * <p>The overlap is asked in the words of the exclusion constraint {@code workshop_no_double_booking} (its range,
 * {@code &&}, and its predicate {@code status <> 'CANCELLED'} written as a literal), so that the constraint's GiST
 * index answers it. With the status as a parameter, PostgreSQL's generic plan (pgjdbc prepares a statement on its
 * fifth use) cannot prove the partial index applies and scans every workshop: a creation then cost more the more
 * workshops there were.
 *
 * <p>This read is the only check of a workshop's campaign, partner and facilitator: V31 dropped their foreign keys,
 * whose shared row locks slowed concurrent creations, since none of those rows is ever deleted (architecture.md).
 */
@ApplicationScoped
public class DraftFactsQuery implements DraftFacts {

    static final String SQL = """
            select c.code as c_code, c.name as c_name, c.starts_on, c.ends_on, c.target_students, c.target_parents,
                   c.target_student_workshops, c.target_parent_workshops, c.target_schools, c.target_impressions,
                   c.target_accounts_reached, c.target_engagements, c.student_school_types, c.version as c_version,
                   c.created_at as c_created_at, c.updated_at as c_updated_at,
                   p.code as p_code, p.name as p_name, p.created_at as p_created_at,
                   s.uai, s.name as s_name, s.academy_code, s.status as s_status, s.school_type, s.version as s_version,
                   f.id as f_id, f.partner_code, f.display_name, f.created_at as f_created_at, f.deactivated_at,
              (select w.id from workshop w where w.facilitator_id = ? and w.status <> 'CANCELLED'
                 and tstzrange(w.starts_at, w.ends_at) && tstzrange(?, ?) and w.id <> ? limit 1) as overlapping
            from (values (1)) as draft (one)
              left join campaign c on c.code = ?
              left join partner p on p.code = ?
              left join school_replica s on s.uai = ?
              left join facilitator f on f.id = ?""";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Facts of(WorkshopDraft draft, UUID self) {
        return Jdbc.first(dataSource, SQL, query -> {
            query.setObject(1, draft.facilitatorId());
            // A range cannot end before it starts: such a draft is refused by the rules, which run after this read.
            query.setObject(2, draft.startsAt());
            query.setObject(3, draft.endsAt().isBefore(draft.startsAt()) ? draft.startsAt() : draft.endsAt());
            query.setObject(4, self == null ? new UUID(0, 0) : self);
            query.setString(5, draft.campaignCode());
            query.setString(6, draft.partnerCode());
            query.setString(7, draft.schoolUai());
            query.setObject(8, draft.facilitatorId());
        }, row -> new Facts(campaign(row), partner(row), school(row), facilitator(row),
                Optional.ofNullable(row.getObject("overlapping", UUID.class)))).orElseThrow();
    }

    private static Optional<Campaign> campaign(ResultSet row) throws SQLException {
        if (row.getString("c_code") == null) {
            return Optional.empty();
        }
        Campaign campaign = new Campaign();
        campaign.code = row.getString("c_code");
        campaign.name = row.getString("c_name");
        campaign.startsOn = row.getObject("starts_on", LocalDate.class);
        campaign.endsOn = row.getObject("ends_on", LocalDate.class);
        campaign.targetStudents = row.getInt("target_students");
        campaign.targetParents = row.getObject("target_parents", Integer.class);
        campaign.targetStudentWorkshops = row.getInt("target_student_workshops");
        campaign.targetParentWorkshops = row.getInt("target_parent_workshops");
        campaign.targetSchools = row.getInt("target_schools");
        campaign.targetImpressions = row.getObject("target_impressions", Long.class);
        campaign.targetAccountsReached = row.getObject("target_accounts_reached", Long.class);
        campaign.targetEngagements = row.getObject("target_engagements", Long.class);
        campaign.studentSchoolTypes = row.getString("student_school_types");
        campaign.version = row.getLong("c_version");
        campaign.createdAt = row.getObject("c_created_at", OffsetDateTime.class);
        campaign.updatedAt = row.getObject("c_updated_at", OffsetDateTime.class);
        return Optional.of(campaign);
    }

    private static Optional<Partner> partner(ResultSet row) throws SQLException {
        if (row.getString("p_code") == null) {
            return Optional.empty();
        }
        Partner partner = new Partner();
        partner.code = row.getString("p_code");
        partner.name = row.getString("p_name");
        partner.createdAt = row.getObject("p_created_at", OffsetDateTime.class);
        return Optional.of(partner);
    }

    private static Optional<SchoolReplica> school(ResultSet row) throws SQLException {
        if (row.getString("uai") == null) {
            return Optional.empty();
        }
        SchoolReplica school = new SchoolReplica();
        school.uai = row.getString("uai");
        school.name = row.getString("s_name");
        school.academyCode = row.getString("academy_code");
        school.status = row.getString("s_status");
        school.schoolType = row.getString("school_type");
        school.version = row.getLong("s_version");
        return Optional.of(school);
    }

    private static Optional<Facilitator> facilitator(ResultSet row) throws SQLException {
        UUID id = row.getObject("f_id", UUID.class);
        if (id == null) {
            return Optional.empty();
        }
        Facilitator facilitator = new Facilitator();
        facilitator.id = id;
        facilitator.partnerCode = row.getString("partner_code");
        facilitator.displayName = row.getString("display_name");
        facilitator.createdAt = row.getObject("f_created_at", OffsetDateTime.class);
        facilitator.deactivatedAt = row.getObject("deactivated_at", OffsetDateTime.class);
        return Optional.of(facilitator);
    }
}
