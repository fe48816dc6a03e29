package fr.antiharcelement.reach.domain;

import fr.antiharcelement.kernel.Newest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies a batch of decoded events to the reach projection, in the consumer's transaction: for each workshop, its
 * new state replaces what its previous one contributed (see {@link TotalsDifference}). The totals are exact after
 * every committed batch; nothing is fixed up later.
 */
@ApplicationScoped
public class ReachProjection {

    @Inject
    ProjectionStore store;

    public void apply(ReachBatch batch) {
        batch.campaigns().forEach(store::saveCampaign);
        store.saveSchools(batch.schools());
        applyWorkshops(batch.workshops());
        store.recordApplied(batch.newestEventTime());
    }

    private void applyWorkshops(List<WorkshopState> workshops) {
        if (workshops.isEmpty()) {
            return;
        }
        // The newest state of each workshop only: applying the states of one workshop in turn (subtract, add, subtract,
        // add) comes to the same as subtracting the stored one and adding the newest, and each row is written once.
        List<Contribution> incoming = Newest.perKey(workshops, WorkshopState::id, WorkshopState::version).stream()
                .map(WorkshopState::contribution).toList();
        Map<UUID, Contribution> previous = store.contributions(incoming.stream().map(Contribution::workshopId).toList());
        TotalsDifference difference = new TotalsDifference();
        for (Contribution next : incoming) {
            difference.replace(previous.get(next.workshopId()), next);
        }
        store.saveContributions(incoming);
        difference.countSchoolsReached(store.addToSchools(difference.delivered()));
        // The schools' rows first: what they hold after the batch says which schools are reached now, in their campaign
        // and for each audience.
        difference.countSchoolsReachedFromTheirRows(store.addToSchoolTotals(difference.schoolTotals()));
        store.addToTotals(difference.otherTotals());
        store.savePartners(partnerNames(workshops));
    }

    /** The partner name each workshop gives, by partner code; the last workshop of the batch naming a partner wins. */
    private static Map<String, String> partnerNames(List<WorkshopState> workshops) {
        Map<String, String> names = new HashMap<>();
        workshops.forEach(workshop -> names.put(workshop.partnerCode(), workshop.partnerName()));
        return names;
    }
}
