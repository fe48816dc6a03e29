package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.RuleBrokenException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The rules of a workshop that need nothing stored: it lasts from 15 minutes to 8 hours inside its campaign, a
 * class level is for pupils only, and its life goes SCHEDULED, then COMPLETED once it has started (its headcount
 * can then be corrected), and SCHEDULED or COMPLETED to CANCELLED. Each rule broken is an exception saying which.
 */
@Singleton
public class WorkshopRules {

    public static final Duration SHORTEST = Duration.ofMinutes(15);
    public static final Duration LONGEST = Duration.ofHours(8);

    private final Clock clock;

    /** {@code clock} says whether a workshop has started. */
    @Inject
    public WorkshopRules(Clock clock) {
        this.clock = clock;
    }

    /** A draft's times and audience, and its place in {@code campaign}'s period. */
    public void checkDraft(WorkshopDraft draft, Campaign campaign) {
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
    }

    /** Only a SCHEDULED workshop is rescheduled, and it keeps its campaign and its partner. */
    public void checkReschedule(Workshop workshop, WorkshopDraft draft) {
        requireStatus(workshop, "rescheduled", WorkshopStatus.SCHEDULED);
        if (!draft.campaignCode().equals(workshop.campaignCode) || !draft.partnerCode().equals(workshop.partnerCode)) {
            throw new RuleBrokenException("A workshop's campaign and partner cannot change; cancel it and schedule another");
        }
        if (draft.partnerReference() != null && workshop.partnerReference != null
                && !draft.partnerReference().equals(workshop.partnerReference)) {
            throw new RuleBrokenException("A workshop's partnerReference is set once (" + workshop.partnerReference
                    + ") and cannot change");
        }
    }

    /**
     * Whether {@code attendees} may be recorded for {@code workshop}: at most its seats, unless campaign staff
     * ({@code staff}) confirm more with a reason code. True when the headcount overrides the capacity so.
     */
    private static boolean checkHeadcount(Workshop workshop, int attendees, boolean staff, ReasonCode reasonCode) {
        if (attendees <= workshop.capacity) {
            return false;
        }
        String told = attendees + " attendees for a workshop of " + workshop.capacity + " seats";
        if (!staff) {
            throw new RuleBrokenException(told + ": only campaign staff may record more attendees than seats")
                    .with("capacity", workshop.capacity);
        }
        if (reasonCode == null) {
            throw new RuleBrokenException(told + ": confirm it with a reasonCode (e.g. " + ReasonCode.EXTRA_ATTENDEES_ADMITTED + ")")
                    .with("capacity", workshop.capacity);
        }
        return true;
    }

    /** SCHEDULED to COMPLETED with how many attended, once the workshop has started; at most its seats. */
    public void complete(Workshop workshop, int attendees) {
        complete(workshop, attendees, false, null);
    }

    /**
     * SCHEDULED to COMPLETED with how many attended, once the workshop has started; more than its seats only as
     * {@link #checkHeadcount} allows. True when the headcount overrides the capacity.
     */
    public boolean complete(Workshop workshop, int attendees, boolean staff, ReasonCode reasonCode) {
        requireStatus(workshop, "completed", WorkshopStatus.SCHEDULED);
        if (CampaignTime.now(clock).isBefore(workshop.startsAt)) {
            throw new RuleBrokenException("Workshop " + workshop.id + " starts at " + workshop.startsAt
                    + ": it can be completed once it has started");
        }
        boolean overridden = checkHeadcount(workshop, attendees, staff, reasonCode);
        workshop.status = WorkshopStatus.COMPLETED;
        workshop.attendees = attendees;
        return overridden;
    }

    /** A COMPLETED workshop's headcount, corrected; at most its seats. */
    public void correctAttendance(Workshop workshop, int attendees) {
        correctAttendance(workshop, attendees, false, null);
    }

    /** A COMPLETED workshop's headcount, corrected; more than its seats only as {@link #checkHeadcount} allows. */
    public boolean correctAttendance(Workshop workshop, int attendees, boolean staff, ReasonCode reasonCode) {
        requireStatus(workshop, "corrected", WorkshopStatus.COMPLETED);
        boolean overridden = checkHeadcount(workshop, attendees, staff, reasonCode);
        workshop.attendees = attendees;
        return overridden;
    }

    /** SCHEDULED, or COMPLETED by mistake (its attendance then stops counting), to CANCELLED. */
    public void cancel(Workshop workshop, Reason reason) {
        requireStatus(workshop, "cancelled", WorkshopStatus.SCHEDULED, WorkshopStatus.COMPLETED);
        workshop.status = WorkshopStatus.CANCELLED;
        workshop.cancellationReasonCode = reason.code();
        workshop.cancellationNote = reason.note();
    }

    /** A facilitator is in one workshop at a time: the booking clashes with workshop {@code other}, when known. */
    public static ConflictException alreadyBooked(UUID other) {
        return new ConflictException("The facilitator is already booked at that time" + (other == null ? "" : ", in workshop " + other))
                .with("conflictingWorkshopId", other == null ? "" : other.toString());
    }

    private static void requireStatus(Workshop workshop, String action, WorkshopStatus... allowed) {
        if (!List.of(allowed).contains(workshop.status)) {
            throw new ConflictException("Workshop " + workshop.id + " is " + workshop.status
                    + " and cannot be " + action + " (only from " + List.of(allowed) + ")").with("currentStatus", workshop.status);
        }
    }
}
