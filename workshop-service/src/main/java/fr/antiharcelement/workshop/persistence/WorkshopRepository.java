package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.kernel.sql.SqlFailures;
import fr.antiharcelement.workshop.domain.DoubleBookingException;
import fr.antiharcelement.workshop.domain.ReferenceTakenException;
import fr.antiharcelement.workshop.domain.Workshop;
import fr.antiharcelement.workshop.domain.WorkshopQuery;
import fr.antiharcelement.workshop.domain.WorkshopStatus;
import fr.antiharcelement.workshop.domain.WorkshopStore;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

@ApplicationScoped
public class WorkshopRepository implements PanacheRepositoryBase<Workshop, UUID>, WorkshopStore {

    /** PostgreSQL's exclusion_violation, raised by the constraint that keeps a facilitator in one workshop at a time. */
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String DOUBLE_BOOKING_CONSTRAINT = "workshop_no_double_booking";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PARTNER_REFERENCE_INDEX = "workshop_partner_reference";

    @Override
    public Optional<Workshop> withId(UUID id) {
        return findByIdOptional(id);
    }

    @Override
    public Optional<Workshop> lockWithId(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public Optional<Workshop> withPartnerReference(String partnerCode, String partnerReference) {
        return find("partnerCode = ?1 and partnerReference = ?2", partnerCode, partnerReference).firstResultOptional();
    }

    @Override
    public Map<String, Workshop> lockWithPartnerReferences(String partnerCode, Collection<String> partnerReferences) {
        if (partnerReferences.isEmpty()) {
            return Map.of();
        }
        // In id order, as every lock of several workshops: two uploads touching the same ones cannot deadlock.
        return find("partnerCode = ?1 and partnerReference in ?2", Sort.by("id"), partnerCode, partnerReferences)
                .withLock(LockModeType.PESSIMISTIC_WRITE).stream()
                .collect(Collectors.toMap(workshop -> workshop.partnerReference, workshop -> workshop));
    }

    @Override
    public Optional<Workshop> overlapping(UUID facilitatorId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID except) {
        return find("facilitatorId = ?1 and status <> ?2 and startsAt < ?3 and endsAt > ?4 and id <> ?5",
                facilitatorId, WorkshopStatus.CANCELLED, endsAt, startsAt, except == null ? new UUID(0, 0) : except)
                .firstResultOptional();
    }

    @Override
    public PageView<Workshop> search(WorkshopQuery query, Optional<String> partnerScope, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        partnerScope.ifPresent(partner -> {
            where.add("partnerCode = :scope");
            params.put("scope", partner);
        });
        filter(where, params, "campaignCode", "campaign", query.campaign());
        filter(where, params, "schoolUai", "school", query.school() == null ? null : query.school().trim().toUpperCase());
        filter(where, params, "partnerCode", "partner", query.partner());
        filter(where, params, "facilitatorId", "facilitator", query.facilitator());
        filter(where, params, "status", "status", query.status());
        filter(where, params, "audience", "audience", query.audience());
        if (query.from() != null) {
            where.add("startsAt >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.add("startsAt < :to");
            params.put("to", query.to());
        }
        filter(where, params, "partnerReference", "reference", query.partnerReference());
        if (query.updatedSince() != null) {
            where.add("updatedAt >= :updatedSince");
            params.put("updatedSince", query.updatedSince());
        }
        String condition = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        Sort order = query.updatedSince() != null ? Sort.by("updatedAt").and("id") : Sort.by("startsAt").and("id");
        PanacheQuery<Workshop> found = find(condition, order, params).page(Page.of(page.page(), page.size()));
        return PageView.of(found.list(), page, found.count());
    }

    @Override
    public void add(Workshop workshop) {
        persist(workshop);
        flushRefusingDoubleBooking(workshop);
    }

    @Override
    public void saveNow(Workshop workshop) {
        flushRefusingDoubleBooking(workshop);
    }

    /** Flushes now, so that a booking lost to a concurrent one surfaces here, not at commit. */
    private void flushRefusingDoubleBooking(Workshop workshop) {
        try {
            flush();
        } catch (PersistenceException e) {
            if (SqlFailures.violation(e, EXCLUSION_VIOLATION, DOUBLE_BOOKING_CONSTRAINT).isPresent()) {
                throw new DoubleBookingException(workshop.facilitatorId, workshop.startsAt, workshop.endsAt, workshop.id);
            }
            if (SqlFailures.violation(e, UNIQUE_VIOLATION, PARTNER_REFERENCE_INDEX).isPresent()) {
                // A concurrent request took the reference between our check and our insert.
                throw new ReferenceTakenException(workshop.partnerCode, workshop.partnerReference);
            }
            throw e;
        }
    }

    private static void filter(List<String> where, Map<String, Object> params, String field, String name, Object value) {
        if (value != null) {
            where.add(field + " = :" + name);
            params.put(name, value);
        }
    }
}
