package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.workshop.domain.Campaign;
import fr.antiharcelement.workshop.domain.DraftFacts;
import fr.antiharcelement.workshop.domain.Facilitator;
import fr.antiharcelement.workshop.domain.Partner;
import fr.antiharcelement.workshop.domain.SchoolReplica;
import fr.antiharcelement.workshop.domain.WorkshopDraft;
import fr.antiharcelement.workshop.domain.WorkshopStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.StandardBasicTypes;

import java.util.Optional;
import java.util.UUID;

/**
 * One query for a draft's facts: a row of four outer joins on primary keys and the overlap as a sub-select, mapped
 * to the entities by Hibernate itself ({@code {c.*}} aliases), so the mapping stays in one place. The entities join
 * the session read-only: checking a draft never writes them back.
 */
@ApplicationScoped
public class DraftFactsQuery implements DraftFacts {

    private static final String SQL = """
            select {c.*}, {p.*}, {s.*}, {f.*},
              (select w.id from workshop w where w.facilitator_id = :facilitator and w.status <> :cancelled
                 and w.starts_at < :endsAt and w.ends_at > :startsAt and w.id <> :self limit 1) as overlapping
            from (values (1)) as draft (one)
              left join campaign c on c.code = :campaign
              left join partner p on p.code = :partner
              left join school_replica s on s.uai = :school
              left join facilitator f on f.id = :facilitator""";

    @Inject
    EntityManager entityManager;

    @Override
    public Facts of(WorkshopDraft draft, UUID self) {
        Object[] row = (Object[]) entityManager.unwrap(Session.class).createNativeQuery(SQL, Object[].class)
                .addEntity("c", Campaign.class)
                .addEntity("p", Partner.class)
                .addEntity("s", SchoolReplica.class)
                .addEntity("f", Facilitator.class)
                .addScalar("overlapping", StandardBasicTypes.UUID)
                .setParameter("campaign", draft.campaignCode())
                .setParameter("partner", draft.partnerCode())
                .setParameter("school", draft.schoolUai())
                .setParameter("facilitator", draft.facilitatorId())
                .setParameter("cancelled", WorkshopStatus.CANCELLED.name())
                .setParameter("startsAt", draft.startsAt())
                .setParameter("endsAt", draft.endsAt())
                .setParameter("self", self == null ? new UUID(0, 0) : self)
                .setReadOnly(true)
                .getSingleResult();
        return new Facts(Optional.ofNullable((Campaign) row[0]), Optional.ofNullable((Partner) row[1]),
                Optional.ofNullable((SchoolReplica) row[2]), Optional.ofNullable((Facilitator) row[3]),
                Optional.ofNullable((UUID) row[4]));
    }
}
