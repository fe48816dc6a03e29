package fr.antiharcelement.reach.domain.online;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the online projection, as {@code ProjectionQueries} for workshops: unfiltered reads come from the running
 * totals; a date range, or an audit, aggregates the post contributions themselves. Rows with nothing in them are left
 * out; breakdowns come sorted by impressions, then key.
 */
public interface OnlineQueries {

    /** What a campaign summary's online block needs: the running totals and the targets, if campaign-events gave any. */
    record Summary(OnlineRow totals, Optional<CampaignOnlineTargets> targets) {
    }

    Summary summary(String campaign);

    /** A campaign's online totals, from the running totals. */
    OnlineRow totals(String campaign);

    List<OnlineRow> breakdownFromTotals(String campaign, OnlineBreakdown by);

    /** One row per key, from the posts published on a day in [from, to] (either may be null). */
    List<OnlineRow> breakdownFromContributions(String campaign, OnlineBreakdown by, LocalDate from, LocalDate to);

    /** Per day, in order: what the posts published that day add, from the running totals. */
    List<OnlineRow> days(String campaign);

    /** The whole campaign, aggregated from the contributions: what the audit compares the online totals with. */
    OnlineRow totalsFromContributions(String campaign);
}
