package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.RuleBrokenException;
import fr.antiharcelement.kernel.StaleVersionException;
import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Schedules workshops and moves them through their life, as {@link WorkshopRules} allow, checking each draft against
 * what is stored: its campaign, partner, school and facilitator, and the facilitator's other bookings. Every change
 * is audited and publishes exactly one event with the next version.
 */
@ApplicationScoped
public class WorkshopPlanner {

    public static final int DEFAULT_CAPACITY = 30;
    /** The trail's action for a redaction of notes. */
    public static final String NOTES_REDACTED = "notes redacted";
    /** The trail's action for a headcount above the seats, confirmed by staff. */
    public static final String CAPACITY_OVERRIDDEN = "capacity overridden";

    @Inject
    WorkshopStore workshops;

    @Inject
    PartnerStore partners;

    @Inject
    DraftFacts draftFacts;

    @Inject
    WorkshopRules rules;

    @Inject
    AuditTrail auditTrail;

    @Inject
    ChangePublisher publisher;

    @Inject
    Clock clock;

    @Transactional
    public Workshop schedule(WorkshopDraft draft, PartnerScope scope) {
        scope.requireActingFor(draft.partnerCode());
        if (draft.partnerReference() != null) {
            workshops.withPartnerReference(draft.partnerCode(), draft.partnerReference())
                    .ifPresent(existing -> {
                        throw referenceTaken(draft, existing.id);
                    });
        }
        return scheduled(draft, scope);
    }

    /** Changes a SCHEDULED workshop (times, school, facilitator, audience, class level, capacity). */
    @Transactional
    public Workshop reschedule(UUID id, long expectedVersion, WorkshopDraft draft, PartnerScope scope) {
        Workshop workshop = lockedInScope(id, scope);
        StaleVersionException.check(expectedVersion, workshop.version, "Workshop " + id);
        return rescheduled(workshop, draft, scope);
    }

    /**
     * Records that a workshop took place, with how many attended; only once it has started. More attendees than
     * seats only by campaign staff with a reason code, audited apart ("capacity overridden").
     */
    @Transactional
    public Workshop complete(UUID id, Long expectedVersion, int attendees, Reason reason, PartnerScope scope) {
        Workshop workshop = lockedInScope(id, scope);
        checkVersion(expectedVersion, workshop);
        return completed(workshop, attendees, reason, scope);
    }

    @Transactional
    public Workshop correctAttendance(UUID id, Long expectedVersion, int attendees, Reason reason, PartnerScope scope) {
        Workshop workshop = lockedInScope(id, scope);
        checkVersion(expectedVersion, workshop);
        return corrected(workshop, attendees, reason, scope);
    }

    /** Cancels a scheduled workshop, or a completed one recorded by mistake (its attendance stops counting). */
    @Transactional
    public Workshop cancel(UUID id, Long expectedVersion, Reason reason, PartnerScope scope) {
        Workshop workshop = lockedInScope(id, scope);
        checkVersion(expectedVersion, workshop);
        return cancelled(workshop, reason, scope);
    }

    /*
     * The changes themselves, in the caller's transaction, without an interceptor of their own: a bulk upload applies
     * many rows in one transaction and reports a rule a row breaks without dooming the others (a @Transactional
     * method that throws marks the transaction it joined rollback-only). Each checks every rule before it changes
     * anything, so a row refused leaves nothing behind.
     */

    Workshop scheduled(WorkshopDraft draft, PartnerScope scope) {
        scope.requireActingFor(draft.partnerCode());
        Partner partner = validate(draft, null);
        OffsetDateTime now = CampaignTime.now(clock);
        Workshop workshop = new Workshop();
        workshop.id = UUID.randomUUID();
        workshop.status = WorkshopStatus.SCHEDULED;
        workshop.version = 1;
        workshop.createdAt = now;
        workshop.partnerReference = draft.partnerReference();
        apply(workshop, draft, now);
        workshops.add(workshop);
        auditTrail.record(workshop, WorkshopChange.SCHEDULED, WorkshopSnapshot.NOTHING.changesTo(WorkshopSnapshot.of(workshop)),
                scope.actor(), null);
        publisher.workshop(WorkshopChange.SCHEDULED, workshop, partner.name);
        return workshop;
    }

    Workshop rescheduled(Workshop workshop, WorkshopDraft draft, PartnerScope scope) {
        rules.checkReschedule(workshop, draft);
        Partner partner = validate(draft, workshop.id);
        if (workshop.partnerReference == null && draft.partnerReference() != null) {
            workshops.withPartnerReference(workshop.partnerCode, draft.partnerReference()).ifPresent(existing -> {
                throw referenceTaken(draft, existing.id);
            });
        }
        WorkshopSnapshot before = WorkshopSnapshot.of(workshop);
        if (draft.partnerReference() != null) {
            workshop.partnerReference = draft.partnerReference();
        }
        apply(workshop, draft, CampaignTime.now(clock));
        Map<String, FieldChange> changes = before.changesTo(WorkshopSnapshot.of(workshop));
        if (changes.isEmpty()) {
            return workshop;
        }
        workshop.version++;
        workshops.save(workshop);
        auditTrail.record(workshop, WorkshopChange.RESCHEDULED, changes, scope.actor(), null);
        publisher.workshop(WorkshopChange.RESCHEDULED, workshop, partner.name);
        return workshop;
    }

    Workshop completed(Workshop workshop, int attendees, Reason reason, PartnerScope scope) {
        WorkshopSnapshot before = WorkshopSnapshot.of(workshop);
        boolean overridden = rules.complete(workshop, attendees, isStaff(scope), reason == null ? null : reason.code());
        return changed(workshop, before, scope, WorkshopChange.COMPLETED, reason, overridden);
    }

    Workshop corrected(Workshop workshop, int attendees, Reason reason, PartnerScope scope) {
        WorkshopSnapshot before = WorkshopSnapshot.of(workshop);
        boolean overridden = rules.correctAttendance(workshop, attendees, isStaff(scope), reason.code());
        return changed(workshop, before, scope, WorkshopChange.ATTENDANCE_CORRECTED, reason, overridden);
    }

    Workshop cancelled(Workshop workshop, Reason reason, PartnerScope scope) {
        WorkshopSnapshot before = WorkshopSnapshot.of(workshop);
        rules.cancel(workshop, reason);
        return changed(workshop, before, scope, WorkshopChange.CANCELLED, reason, false);
    }

    /**
     * Erases the text of every note of a workshop (its cancellation's, and every one in its trail), at once and for
     * good; the trail records who did it and when, and how many notes, never what they said. Staff only (the API
     * says so). Not a change of the workshop's state: no new version, no event (events never carry notes).
     */
    @Transactional
    public Workshop redactNotes(UUID id, PartnerScope scope) {
        Workshop workshop = lockedInScope(id, scope);
        int redacted = auditTrail.redactNotes(id);
        if (workshop.cancellationNote != null) {
            workshop.cancellationNote = null;
            workshops.save(workshop);
            redacted++;
        }
        auditTrail.record(workshop, NOTES_REDACTED, Map.of("notes", new FieldChange(redacted, 0)), scope.actor(), null);
        return workshop;
    }

    @Transactional
    public Workshop find(UUID id, PartnerScope scope) {
        return workshops.withId(id).filter(workshop -> scope.sees(workshop.partnerCode)).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public PageView<Workshop> search(WorkshopQuery query, PageRequest page, PartnerScope scope) {
        return workshops.search(query, scope.partnerCode(), page);
    }

    @Transactional
    public List<WorkshopHistoryEntry> history(UUID id, PartnerScope scope) {
        find(id, scope);
        return auditTrail.of(id);
    }

    /**
     * The answer to a booking the database refused ({@link DoubleBookingException}): the workshop that won is read in
     * a transaction of its own, the refused one having rolled back.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ConflictException doubleBooking(DoubleBookingException refused) {
        return WorkshopRules.alreadyBooked(workshops.overlapping(refused.facilitatorId, refused.startsAt, refused.endsAt,
                refused.workshopId).map(winner -> winner.id).orElse(null));
    }

    /**
     * The draft against what is stored, then against the rules of its own; the first rule broken is the answer.
     * Returns the draft's partner, as read for the check.
     */
    private Partner validate(WorkshopDraft draft, UUID self) {
        DraftFacts.Facts facts = draftFacts.of(draft, self);
        Campaign campaign = facts.campaign()
                .orElseThrow(() -> new RuleBrokenException("Unknown campaign " + draft.campaignCode()));
        Partner partner = facts.partner()
                .orElseThrow(() -> new RuleBrokenException("Unknown partner " + draft.partnerCode()));
        SchoolReplica school = facts.school()
                .orElseThrow(() -> new RuleBrokenException("School " + draft.schoolUai()
                        + " is not known to the school directory yet: register or import it in school-service first."
                        + " A school registered a moment ago reaches this service within seconds: retry shortly."));
        if (!school.isOpen()) {
            throw new RuleBrokenException("School " + school.uai + " (" + school.name + ") is closed");
        }
        Facilitator facilitator = facts.facilitator()
                .filter(found -> found.partnerCode.equals(partner.code))
                .orElseThrow(() -> new RuleBrokenException("Facilitator " + draft.facilitatorId()
                        + " does not belong to partner " + partner.code));
        if (!facilitator.active()) {
            throw new RuleBrokenException("Facilitator " + draft.facilitatorId() + " is deactivated: choose another facilitator");
        }
        if (draft.audience() == Audience.STUDENTS && !campaign.allowsStudentsAt(school.schoolType)) {
            throw new RuleBrokenException("School " + school.uai + " (" + school.name + ") is of type " + school.schoolType
                    + ": campaign " + campaign.code + " holds pupil workshops only in " + campaign.studentSchoolTypes())
                    .with("schoolType", school.schoolType);
        }
        rules.checkDraft(draft, campaign);
        facts.overlapping().ifPresent(other -> {
            throw WorkshopRules.alreadyBooked(other);
        });
        return partner;
    }

    private static void apply(Workshop workshop, WorkshopDraft draft, OffsetDateTime now) {
        workshop.campaignCode = draft.campaignCode();
        workshop.schoolUai = draft.schoolUai();
        workshop.partnerCode = draft.partnerCode();
        workshop.facilitatorId = draft.facilitatorId();
        workshop.audience = draft.audience();
        workshop.classLevel = draft.classLevel();
        workshop.startsAt = CampaignTime.inCampaignTime(draft.startsAt());
        workshop.endsAt = CampaignTime.inCampaignTime(draft.endsAt());
        workshop.capacity = draft.capacity() == null ? DEFAULT_CAPACITY : draft.capacity();
        workshop.updatedAt = now;
    }

    private Workshop changed(Workshop workshop, WorkshopSnapshot before, PartnerScope scope, WorkshopChange change,
                             Reason reason, boolean capacityOverridden) {
        workshop.version++;
        workshop.updatedAt = CampaignTime.now(clock);
        workshops.save(workshop);
        auditTrail.record(workshop, change, before.changesTo(WorkshopSnapshot.of(workshop)), scope.actor(), reason);
        if (capacityOverridden) {
            auditTrail.record(workshop, CAPACITY_OVERRIDDEN, Map.of("attendees", new FieldChange(workshop.capacity, workshop.attendees)),
                    scope.actor(), new Reason(reason.code(), null));
        }
        publish(change, workshop);
        return workshop;
    }

    /** Campaign staff: a writer bound to no partner (viewers never reach a change). */
    private static boolean isStaff(PartnerScope scope) {
        return scope.partnerCode().isEmpty();
    }

    private void publish(WorkshopChange change, Workshop workshop) {
        publisher.workshop(change, workshop, partners.nameOf(workshop.partnerCode).orElse(null));
    }

    private Workshop lockedInScope(UUID id, PartnerScope scope) {
        return workshops.lockWithId(id).filter(workshop -> scope.sees(workshop.partnerCode)).orElseThrow(() -> notFound(id));
    }

    private static void checkVersion(Long expectedVersion, Workshop workshop) {
        if (expectedVersion != null) {
            StaleVersionException.check(expectedVersion, workshop.version, "Workshop " + workshop.id);
        }
    }

    /** A partner's reference names one workshop of that partner: a second is a 409 naming the first. */
    static ConflictException referenceTaken(WorkshopDraft draft, UUID existing) {
        return new ConflictException("partnerReference " + draft.partnerReference() + " already names workshop " + existing
                + " of partner " + draft.partnerCode()).with("conflictingWorkshopId", existing.toString());
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No workshop " + id);
    }
}
