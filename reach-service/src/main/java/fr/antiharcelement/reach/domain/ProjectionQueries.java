package fr.antiharcelement.reach.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the projection. Unfiltered reads come from the running totals; a date range, or an audit, aggregates
 * the workshop contributions themselves, which must always agree with the totals. Rows with nothing in them are
 * left out, and breakdowns come sorted by students sensitised, then parents sensitised, then key.
 */
public interface ProjectionQueries {

    /** What a summary needs: the campaign (if campaign-events described it), its totals, and as of when. */
    record Summary(Optional<CampaignState> campaign, ReachRow totals, Optional<Instant> asOf) {
    }

    /** The campaigns campaign-events described or workshops counted under, in code order. */
    List<String> campaignCodes();

    Summary summary(String code);

    /** A campaign's headline totals, from the running totals. */
    ReachRow totals(String campaign);

    /** One row per key, from the running totals. */
    List<ReachRow> breakdownFromTotals(String campaign, Breakdown by);

    /** One row per key, from the contributions whose day lies in [from, to] (either may be null). */
    List<ReachRow> breakdownFromContributions(String campaign, Breakdown by, LocalDate from, LocalDate to);

    /** Per day, in order: what completed or was scheduled that day, from the running totals. */
    List<ReachRow> days(String campaign);

    /** The whole campaign, aggregated from the contributions: what the audit compares the headline totals with. */
    ReachRow totalsFromContributions(String campaign);
}
