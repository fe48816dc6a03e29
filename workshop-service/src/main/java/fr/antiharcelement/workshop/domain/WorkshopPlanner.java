package fr.antiharcelement.workshop.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.RuleBrokenException;
import fr.antiharcelement.kernel.StaleVersionException;
import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.workshop.persistence.WorkshopRepository;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Schedules workshops and moves them through their life: SCHEDULED, then COMPLETED with a headcount (which can
 * be corrected) or CANCELLED. Every rule broken is a problem saying which; every change is audited and publishes
 * exactly one event with the next version.
 */
@ApplicationScoped
public class WorkshopPlanner {

    public static final int DEFAULT_CAPACITY = 30;
    public static final Duration SHORTEST = Duration.ofMinutes(15);
    public static final Duration LONGEST = Duration.ofHours(8);
    private static final String DOUBLE_BOOKING_CONSTRAINT = "workshop_no_double_booking";

    @Inject
    WorkshopRepository workshops;

    @Inject
    CampaignStore campaigns;

    @Inject
    PartnerStore partners;

    @Inject
    FacilitatorStore facilitators;

    @Inject
    SchoolReplicaStore schools;

    @Inject
    ChangePublisher publisher;

    @Inject
    EntityManager entityManager;

    @Inject
    ObjectMapper objectMapper;

    @Inject
    Clock clock;

    @Transactional
    public Workshop schedule(WorkshopDraft draft, PartnerScope scope) {
        scope.requireActingFor(draft.partnerCode());
        validate(draft, null);
        Workshop workshop = new Workshop();
        workshop.id = UUID.randomUUID();
        workshop.status = WorkshopStatus.SCHEDULED;
        workshop.version = 1;
        workshop.createdAt = CampaignTime.now(clock);
        apply(workshop, draft);
        workshops.persist(workshop);
        flushGuardingDoubleBooking(workshop);
        audit(workshop, scope, "scheduled", changes(null, workshop), null);
        publish(WorkshopChange.SCHEDULED, workshop);
        return workshop;
    }

    /** Changes a SCHEDULED workshop (times, school, facilitator, audience, class level, capacity). */
    @Transactional
    public Workshop reschedule(UUID id, long expectedVersion, WorkshopDraft draft, PartnerScope scope) {
        Workshop workshop = lockedInScope(id, scope);
        StaleVersionException.check(expectedVersion, workshop.version, "Workshop " + id);
        requireStatus(workshop, "rescheduled", WorkshopStatus.SCHEDULED);
        if (!draft.campaignCode().equals(workshop.campaignCode) || !draft.partnerCode().equals(workshop.partnerCode)) {
            throw new RuleBrokenException("A workshop's campaign and partner cannot change; cancel it and schedule another");
        }
        validate(draft, workshop.id);
        Map<String, Object> before = snapshot(workshop);
        apply(workshop, draft);
        Map<String, Map<String, Object>> changes = changes(before, workshop);
        if (changes.isEmpty()) {
            return workshop;
        }
        workshop.version++;
        flushGuardingDoubleBooking(workshop);
        audit(workshop, scope, "rescheduled", changes, null);
        publish(WorkshopChange.RESCHEDULED, workshop);
        return workshop;
    }

    /** Records that a workshop took place, with how many attended; only once it has started. */
    @Transactional
    public Workshop complete(UUID id, Long expectedVersion, int attendees, PartnerScope scope) {
        Workshop workshop = lockedInScope(id, scope);
        checkVersion(expectedVersion, workshop);
        requireStatus(workshop, "completed", WorkshopStatus.SCHEDULED);
        if (CampaignTime.now(clock).isBefore(workshop.startsAt)) {
            throw new RuleBrokenException("Workshop " + id + " starts at " + workshop.startsAt
                    + ": it can be completed once it has started");
        }
        Map<String, Object> before = snapshot(workshop);
        workshop.status = WorkshopStatus.COMPLETED;
        workshop.attendees = attendees;
        return changed(workshop, before, scope, "completed", null, WorkshopChange.COMPLETED);
    }

    @Transactional
    public Workshop correctAttendance(UUID id, Long expectedVersion, int attendees, String reason, PartnerScope scope) {
        Workshop workshop = lockedInScope(id, scope);
        checkVersion(expectedVersion, workshop);
        requireStatus(workshop, "corrected", WorkshopStatus.COMPLETED);
        Map<String, Object> before = snapshot(workshop);
        workshop.attendees = attendees;
        return changed(workshop, before, scope, "attendance corrected", reason, WorkshopChange.ATTENDANCE_CORRECTED);
    }

    /** Cancels a scheduled workshop, or a completed one recorded by mistake (its attendance stops counting). */
    @Transactional
    public Workshop cancel(UUID id, Long expectedVersion, String reason, PartnerScope scope) {
        Workshop workshop = lockedInScope(id, scope);
        checkVersion(expectedVersion, workshop);
        requireStatus(workshop, "cancelled", WorkshopStatus.SCHEDULED, WorkshopStatus.COMPLETED);
        Map<String, Object> before = snapshot(workshop);
        workshop.status = WorkshopStatus.CANCELLED;
        workshop.cancellationReason = reason;
        return changed(workshop, before, scope, "cancelled", reason, WorkshopChange.CANCELLED);
    }

    @Transactional
    public Workshop find(UUID id, PartnerScope scope) {
        return workshops.findByIdOptional(id).filter(workshop -> scope.sees(workshop.partnerCode))
                .orElseThrow(() -> notFound(id));
    }

    @Transactional
    public PageView<Workshop> search(WorkshopQuery query, PageRequest page, PartnerScope scope) {
        PanacheQuery<Workshop> found = workshops.search(query, scope.partnerCode(), page);
        return PageView.of(found.list(), page, found.count());
    }

    @Transactional
    public List<WorkshopHistoryEntry> history(UUID id, PartnerScope scope) {
        find(id, scope);
        return WorkshopHistoryEntry.list("workshopId = ?1 order by id", id);
    }

    /** The workshop a facilitator is already booked for at those times, if any (read after a lost race). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.Optional<Workshop> overlapping(UUID facilitatorId, java.time.OffsetDateTime startsAt,
                                                    java.time.OffsetDateTime endsAt, UUID except) {
        return workshops.overlapping(facilitatorId, startsAt, endsAt, except);
    }

    private void validate(WorkshopDraft draft, UUID self) {
        Campaign campaign = campaigns.withCode(draft.campaignCode())
                .orElseThrow(() -> new RuleBrokenException("Unknown campaign " + draft.campaignCode()));
        Partner partner = partners.withCode(draft.partnerCode())
                .orElseThrow(() -> new RuleBrokenException("Unknown partner " + draft.partnerCode()));
        SchoolReplica school = schools.withUai(draft.schoolUai())
                .orElseThrow(() -> new RuleBrokenException("School " + draft.schoolUai()
                        + " is not known to the school directory (register or import it in school-service first)"));
        if (!school.isOpen()) {
            throw new RuleBrokenException("School " + school.uai + " (" + school.name + ") is closed");
        }
        Facilitator facilitator = facilitators.withId(draft.facilitatorId())
                .filter(found -> found.partnerCode.equals(partner.code))
                .orElseThrow(() -> new RuleBrokenException("Facilitator " + draft.facilitatorId()
                        + " does not belong to partner " + partner.code));
        if (!draft.endsAt().isAfter(draft.startsAt())) {
            throw new RuleBrokenException("endsAt (" + draft.endsAt() + ") must be after startsAt (" + draft.startsAt() + ")");
        }
        Duration duration = Duration.between(draft.startsAt(), draft.endsAt());
        if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new RuleBrokenException("A workshop lasts from 15 minutes to 8 hours; this one lasts "
                    + duration.toMinutes() + " minutes");
        }
        if (!campaign.covers(draft.startsAt(), draft.endsAt())) {
            throw new RuleBrokenException("The workshop falls outside campaign " + campaign.code + " ("
                    + campaign.startsOn + " to " + campaign.endsOn + ")");
        }
        if (draft.audience() == Audience.PARENTS && draft.classLevel() != null) {
            throw new RuleBrokenException("classLevel is for STUDENTS workshops only");
        }
        workshops.overlapping(facilitator.id, draft.startsAt(), draft.endsAt(), self)
                .ifPresent(other -> {
                    throw doubleBooking(other.id);
                });
    }

    private void apply(Workshop workshop, WorkshopDraft draft) {
        workshop.campaignCode = draft.campaignCode();
        workshop.schoolUai = draft.schoolUai();
        workshop.partnerCode = draft.partnerCode();
        workshop.facilitatorId = draft.facilitatorId();
        workshop.audience = draft.audience();
        workshop.classLevel = draft.classLevel();
        workshop.startsAt = draft.startsAt().atZoneSameInstant(CampaignTime.ZONE).toOffsetDateTime();
        workshop.endsAt = draft.endsAt().atZoneSameInstant(CampaignTime.ZONE).toOffsetDateTime();
        workshop.capacity = draft.capacity() == null ? DEFAULT_CAPACITY : draft.capacity();
        workshop.updatedAt = CampaignTime.now(clock);
    }

    /** Flushes now, so that a booking lost to a concurrent one surfaces here, as a 409, not at commit. */
    private void flushGuardingDoubleBooking(Workshop workshop) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            if (violates(e, DOUBLE_BOOKING_CONSTRAINT)) {
                throw new DoubleBookingException(workshop.facilitatorId, workshop.startsAt, workshop.endsAt, workshop.id);
            }
            throw e;
        }
    }

    private Workshop changed(Workshop workshop, Map<String, Object> before, PartnerScope scope, String action, String reason,
                             WorkshopChange change) {
        workshop.version++;
        workshop.updatedAt = CampaignTime.now(clock);
        audit(workshop, scope, action, changes(before, workshop), reason);
        publish(change, workshop);
        return workshop;
    }

    private void publish(WorkshopChange change, Workshop workshop) {
        publisher.workshop(change, workshop, partners.withCode(workshop.partnerCode).map(partner -> partner.name).orElse(null));
    }

    private Workshop lockedInScope(UUID id, PartnerScope scope) {
        return workshops.findForUpdate(id).filter(workshop -> scope.sees(workshop.partnerCode)).orElseThrow(() -> notFound(id));
    }

    private static void checkVersion(Long expectedVersion, Workshop workshop) {
        if (expectedVersion != null) {
            StaleVersionException.check(expectedVersion, workshop.version, "Workshop " + workshop.id);
        }
    }

    private static void requireStatus(Workshop workshop, String action, WorkshopStatus... allowed) {
        if (!List.of(allowed).contains(workshop.status)) {
            throw new ConflictException("Workshop " + workshop.id + " is " + workshop.status
                    + " and cannot be " + action + " (only from " + List.of(allowed) + ")").with("currentStatus", workshop.status);
        }
    }

    private void audit(Workshop workshop, PartnerScope scope, String action, Map<String, Map<String, Object>> changes, String reason) {
        WorkshopHistoryEntry entry = new WorkshopHistoryEntry();
        entry.workshopId = workshop.id;
        entry.at = CampaignTime.now(clock);
        entry.actor = scope.actor();
        entry.action = action;
        entry.reason = reason;
        try {
            entry.changes = objectMapper.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entry.persist();
    }

    private static Map<String, Object> snapshot(Workshop workshop) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("schoolUai", workshop.schoolUai);
        state.put("facilitatorId", workshop.facilitatorId);
        state.put("audience", workshop.audience);
        state.put("classLevel", workshop.classLevel);
        state.put("startsAt", workshop.startsAt == null ? null : workshop.startsAt.toString());
        state.put("endsAt", workshop.endsAt == null ? null : workshop.endsAt.toString());
        state.put("capacity", workshop.capacity);
        state.put("status", workshop.status);
        state.put("attendees", workshop.attendees);
        state.put("cancellationReason", workshop.cancellationReason);
        return state;
    }

    /** What changed, field by field: {@code {"attendees": {"from": 24, "to": 26}}}. */
    private static Map<String, Map<String, Object>> changes(Map<String, Object> before, Workshop after) {
        Map<String, Object> now = snapshot(after);
        Map<String, Map<String, Object>> changes = new LinkedHashMap<>();
        now.forEach((field, value) -> {
            Object old = before == null ? null : before.get(field);
            if (!Objects.equals(old, value)) {
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("from", old);
                change.put("to", value);
                changes.put(field, change);
            }
        });
        return changes;
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No workshop " + id);
    }

    static ConflictException doubleBooking(UUID other) {
        return new ConflictException("The facilitator is already booked at that time, in workshop " + other)
                .with("conflictingWorkshopId", other);
    }

    private static boolean violates(Throwable e, String constraint) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23P01".equals(sql.getSQLState())
                    && String.valueOf(sql.getMessage()).contains(constraint)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
