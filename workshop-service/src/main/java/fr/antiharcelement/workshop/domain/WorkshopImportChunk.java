package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.DomainException;
import fr.antiharcelement.kernel.RuleBrokenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Rows of one partner's upload in one transaction of their own: their workshops read (and locked) in one query, then
 * each row brought about through the planner's steps. A rule a row breaks is that row's outcome; every step checks its
 * rules before it changes anything, and a row of two steps (reschedule, then complete) checks the second's first, so a
 * row refused leaves nothing behind.
 */
@ApplicationScoped
public class WorkshopImportChunk {

    public enum Result { CREATED, UPDATED, UNCHANGED, REJECTED }

    public record Outcome(WorkshopImportRow row, Result result, String error) {
    }

    @Inject
    WorkshopStore workshops;

    @Inject
    WorkshopPlanner planner;

    @Inject
    WorkshopRules rules;

    @Inject
    Clock clock;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Outcome> apply(String partner, List<WorkshopImportRow> rows, PartnerScope scope) {
        Map<String, Workshop> existing = workshops.lockWithPartnerReferences(partner,
                rows.stream().map(row -> row.draft().partnerReference()).toList());
        List<Outcome> outcomes = new ArrayList<>(rows.size());
        for (WorkshopImportRow row : rows) {
            try {
                Workshop workshop = existing.get(row.draft().partnerReference());
                outcomes.add(new Outcome(row, workshop == null ? create(row, scope) : change(workshop, row, scope), null));
            } catch (DomainException e) {
                outcomes.add(new Outcome(row, Result.REJECTED, e.getMessage()));
            }
        }
        return outcomes;
    }

    private Result create(WorkshopImportRow row, PartnerScope scope) {
        requireReasonFor(row);
        if (row.status() == WorkshopStatus.COMPLETED) {
            requireStarted(row);
        }
        Workshop workshop = planner.scheduled(row.draft(), scope);
        finish(workshop, row, scope);
        return Result.CREATED;
    }

    private Result change(Workshop workshop, WorkshopImportRow row, PartnerScope scope) {
        boolean sameSchedule = sameSchedule(workshop, row.draft());
        WorkshopStatus target = row.status();
        if (workshop.status == target && sameSchedule
                && (target != WorkshopStatus.COMPLETED || Objects.equals(workshop.attendees, row.attendees()))) {
            return Result.UNCHANGED;
        }
        if (workshop.status == WorkshopStatus.COMPLETED && target == WorkshopStatus.COMPLETED && sameSchedule) {
            if (row.reason() == null) {
                throw new RuleBrokenException("Correcting the headcount of a COMPLETED workshop (" + workshop.attendees + " to "
                        + row.attendees() + ") needs a reasonCode");
            }
            planner.corrected(workshop, row.attendees(), row.reason(), scope);
            return Result.UPDATED;
        }
        if (workshop.status == WorkshopStatus.SCHEDULED && target == WorkshopStatus.SCHEDULED) {
            planner.rescheduled(workshop, row.draft(), scope);
            return Result.UPDATED;
        }
        if (target == WorkshopStatus.SCHEDULED) {
            throw new fr.antiharcelement.kernel.ConflictException("Workshop " + workshop.id + " is " + workshop.status
                    + " and cannot go back to SCHEDULED");
        }
        // To COMPLETED or CANCELLED, from another state: a schedule that differs is changed first, which only a
        // SCHEDULED workshop allows (the rules say so, before anything changes).
        requireReasonFor(row);
        if (target == WorkshopStatus.COMPLETED) {
            requireStarted(row);
        }
        if (!sameSchedule) {
            rules.checkReschedule(workshop, row.draft());
            planner.rescheduled(workshop, row.draft(), scope);
        }
        finish(workshop, row, scope);
        return Result.UPDATED;
    }

    /** A SCHEDULED workshop brought to the row's state: completed with its headcount, or cancelled. */
    private void finish(Workshop workshop, WorkshopImportRow row, PartnerScope scope) {
        switch (row.status()) {
            case COMPLETED -> planner.completed(workshop, row.attendees(), row.reason(), scope);
            case CANCELLED -> planner.cancelled(workshop, row.reason(), scope);
            case SCHEDULED -> {
            }
        }
    }

    private static void requireReasonFor(WorkshopImportRow row) {
        if (row.status() == WorkshopStatus.CANCELLED && row.reason() == null) {
            throw new RuleBrokenException("A cancellation needs a reasonCode");
        }
    }

    /** A row that completes a workshop: it must have started (checked before any step, as completing checks it). */
    private void requireStarted(WorkshopImportRow row) {
        if (CampaignTime.now(clock).isBefore(row.draft().startsAt())) {
            throw new RuleBrokenException("The workshop starts at " + row.draft().startsAt() + ": it can be COMPLETED once it has started");
        }
    }

    /** Whether the row's schedule is the workshop's: the same fields, times as instants, capacity defaulted. */
    static boolean sameSchedule(Workshop workshop, WorkshopDraft draft) {
        int capacity = draft.capacity() == null ? WorkshopPlanner.DEFAULT_CAPACITY : draft.capacity();
        return workshop.campaignCode.equals(draft.campaignCode()) && workshop.schoolUai.equals(draft.schoolUai())
                && workshop.facilitatorId.equals(draft.facilitatorId()) && workshop.audience == draft.audience()
                && workshop.classLevel == draft.classLevel() && workshop.startsAt.isEqual(draft.startsAt())
                && workshop.endsAt.isEqual(draft.endsAt()) && workshop.capacity == capacity;
    }
}
