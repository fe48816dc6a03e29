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

    /**
     * Applies the batch; returns how many of its workshop events it left as not newer than what the projection holds
     * (the projection keeps each workshop's version on its contribution: see {@link #applyWorkshops}).
     */
    public int apply(ReachBatch batch) {
        batch.campaigns().forEach(store::saveCampaign);
        store.saveSchools(batch.schools());
        int stale = applyWorkshops(batch.workshops());
        store.recordApplied(batch.newestEventTime());
        return stale;
    }

    /**
     * A workshop's version is kept on its contribution row, not claimed apart: the rows are locked before they are
     * compared, so a second transaction applying the same workshops waits and then finds them applied; one holding a
     * workshop neither had stored fails to insert it after the first commits (see {@link ProjectionStore}).
     */
    private int applyWorkshops(List<WorkshopState> workshops) {
        if (workshops.isEmpty()) {
            return 0;
        }
        // The newest state of each workshop only: applying the states of one workshop in turn (subtract, add, subtract,
        // add) comes to the same as subtracting the stored one and adding the newest, and each row is written once.
        List<WorkshopState> incoming = Newest.perKey(workshops, WorkshopState::id, WorkshopState::version);
        Map<UUID, Contribution> previous = store.lockContributions(incoming.stream().map(WorkshopState::id).toList());
        List<WorkshopState> newerStates = incoming.stream().filter(next -> {
            Contribution stored = previous.get(next.id());
            return stored == null || stored.version() < next.version();
        }).toList();
        List<Contribution> newer = newerStates.stream().map(WorkshopState::contribution).toList();
        TotalsDifference difference = new TotalsDifference();
        for (Contribution next : newer) {
            difference.replace(previous.get(next.workshopId()), next);
        }
        store.addContributions(newer.stream().filter(next -> !previous.containsKey(next.workshopId())).toList());
        store.replaceContributions(newer.stream().filter(next -> previous.containsKey(next.workshopId())).toList());
        difference.countSchoolsReached(store.addToSchools(difference.delivered()));
        // The schools' rows first: what they hold after the batch says which schools are reached now, in their campaign,
        // for each audience and for each class level.
        difference.countSchoolsReachedFromTheirRows(store.addToSchoolTotals(difference.schoolTotals()));
        store.addToTotals(difference.otherTotals());
        store.savePartners(partnerNames(newerStates));
        return incoming.size() - newer.size();
    }

    /** The partner name each workshop gives, by partner code; the last workshop of the batch naming a partner wins. */
    private static Map<String, String> partnerNames(List<WorkshopState> workshops) {
        Map<String, String> names = new HashMap<>();
        workshops.forEach(workshop -> names.put(workshop.partnerCode(), workshop.partnerName()));
        return names;
    }
}
