package fr.antiharcelement.reach.domain.online;

import fr.antiharcelement.reach.domain.CampaignReach;

/**
 * A campaign's online reach, beside its workshops' in the summary: totals, the optional online targets, progress in
 * percent and pace, as for the others.
 */
public record OnlineReach(OnlineFigures totals, Targets targets, Progress progress, Pace pace) {

    public record Targets(Long impressions, Long accountsReached, Long engagements) {
    }

    /** Percent of each target reached, one decimal; null where there is no target. */
    public record Progress(Double impressions, Double accountsReached, Double engagements) {
    }

    /** Per target: the daily pace needed from today to reach it by the end, and the daily pace so far. */
    public record Pace(CampaignReach.Rate impressions, CampaignReach.Rate accountsReached, CampaignReach.Rate engagements) {
    }
}
