package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The workshops' audit trail: every change says who made it, when, what changed from what to what, and why. */
@ApplicationScoped
public class AuditTrail {

    @Inject
    HistoryStore history;

    @Inject
    Clock clock;

    /** Records {@code change} of {@code workshop}, made now by {@code actor}; {@code changes} come from {@link WorkshopSnapshot}. */
    public void record(Workshop workshop, WorkshopChange change, Map<String, FieldChange> changes, String actor, Reason reason) {
        record(workshop, change.action(), changes, actor, reason);
    }

    /** Records an {@code action} that is not a change of the workshop's state (an override, a redaction). */
    public void record(Workshop workshop, String action, Map<String, FieldChange> changes, String actor, Reason reason) {
        history.append(new WorkshopHistoryEntry(workshop.id, CampaignTime.now(clock), actor, action, changes,
                reason == null ? null : reason.code(), reason == null ? null : reason.note()));
    }

    /** Erases the text of every note of {@code workshopId}'s trail; how many there were. */
    public int redactNotes(UUID workshopId) {
        return history.redactNotes(workshopId);
    }

    public List<WorkshopHistoryEntry> of(UUID workshopId) {
        return history.entriesOf(workshopId);
    }
}
