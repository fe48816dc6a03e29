package fr.antiharcelement.reach.api;

import fr.antiharcelement.reach.domain.ReachRow;
import fr.antiharcelement.reach.domain.online.MonthReach;
import fr.antiharcelement.reach.domain.online.OnlineRow;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The document's name for a breakdown's row, whose shape follows {@code by}: workshop figures (region ... classLevel),
 * with the month's online figures too ({@code by=month}), or online figures (creator, platform). Documentation only.
 */
@Schema(name = "BreakdownRow", anyOf = {ReachRow.class, MonthReach.class, OnlineRow.class},
        description = "ReachRow for region, academy, department, school, partner, audience and classLevel; MonthReach for month; "
                + "OnlineRow for creator and platform")
interface BreakdownRow {
}
