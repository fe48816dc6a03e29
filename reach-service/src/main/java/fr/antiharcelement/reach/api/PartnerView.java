package fr.antiharcelement.reach.api;

import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.reach.domain.Breakdown;
import fr.antiharcelement.reach.domain.CompletionQueries;
import fr.antiharcelement.reach.domain.ReachRow;

import java.util.List;

/**
 * What a partner sees of reach: the campaign-wide totals, like everyone (the campaign's progress is no partner's
 * secret), but among partners only its own row and its own completions, since what another association schedules
 * and delivers is that association's business (docs/architecture.md, "Partner scope"). Admins and viewers see all.
 */
final class PartnerView {

    private PartnerView() {
    }

    static List<ReachRow> rowsVisibleTo(Caller caller, Breakdown by, List<ReachRow> rows) {
        if (by != Breakdown.PARTNER) {
            return rows;
        }
        return caller.partnerCode().map(own -> rows.stream().filter(row -> own.equals(row.key())).toList()).orElse(rows);
    }

    /** A partner's among the latest completions: possibly fewer than asked, never another partner's. */
    static List<CompletionQueries.Completion> completionsVisibleTo(Caller caller, List<CompletionQueries.Completion> latest) {
        return caller.partnerCode()
                .map(own -> latest.stream().filter(completion -> own.equals(completion.partnerCode())).toList())
                .orElse(latest);
    }
}
