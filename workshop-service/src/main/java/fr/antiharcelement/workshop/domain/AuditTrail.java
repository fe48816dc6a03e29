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
    public void record(Workshop workshop, WorkshopChange change, Map<String, FieldChange> changes, String actor, String reason) {
        history.append(new WorkshopHistoryEntry(workshop.id, CampaignTime.now(clock), actor, change.action(), changes, reason));
    }

    public List<WorkshopHistoryEntry> of(UUID workshopId) {
        return history.entriesOf(workshopId);
    }
}
