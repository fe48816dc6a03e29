package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.workshop.domain.Workshop;
import fr.antiharcelement.workshop.domain.WorkshopQuery;
import fr.antiharcelement.workshop.domain.WorkshopStatus;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WorkshopRepository implements PanacheRepositoryBase<Workshop, UUID> {

    /** The workshop, locked until the end of the transaction: concurrent changes to it take turns. */
    public Optional<Workshop> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A non-cancelled workshop of {@code facilitatorId} overlapping the given times, other than {@code except}. */
    public Optional<Workshop> overlapping(UUID facilitatorId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID except) {
        return find("facilitatorId = ?1 and status <> ?2 and startsAt < ?3 and endsAt > ?4 and id <> ?5",
                facilitatorId, WorkshopStatus.CANCELLED, endsAt, startsAt, except == null ? new UUID(0, 0) : except)
                .firstResultOptional();
    }

    public PanacheQuery<Workshop> search(WorkshopQuery query, Optional<String> partnerScope, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        partnerScope.ifPresent(partner -> {
            where.add("partnerCode = :scope");
            params.put("scope", partner);
        });
        add(where, params, "campaignCode", "campaign", query.campaign());
        add(where, params, "schoolUai", "school", query.school() == null ? null : query.school().trim().toUpperCase());
        add(where, params, "partnerCode", "partner", query.partner());
        add(where, params, "facilitatorId", "facilitator", query.facilitator());
        add(where, params, "status", "status", query.status());
        add(where, params, "audience", "audience", query.audience());
        if (query.from() != null) {
            where.add("startsAt >= :from");
            params.put("from", query.from());
        }
        if (query.to() != null) {
            where.add("startsAt < :to");
            params.put("to", query.to());
        }
        String condition = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        return find(condition, Sort.by("startsAt").and("id"), params).page(Page.of(page.page(), page.size()));
    }

    private static void add(List<String> where, Map<String, Object> params, String field, String name, Object value) {
        if (value != null) {
            where.add(field + " = :" + name);
            params.put(name, value);
        }
    }
}
