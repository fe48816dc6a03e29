package fr.antiharcelement.reach.domain;

import java.time.Instant;
import java.util.List;

/**
 * A batch of consumed events, decoded: the new states of schools, campaigns and workshops, each list in the order
 * of the events, and when the newest event happened (its CloudEvents time; null when none had one).
 */
public record ReachBatch(List<SchoolState> schools, List<CampaignState> campaigns, List<WorkshopState> workshops,
                         Instant newestEventTime) {
}
