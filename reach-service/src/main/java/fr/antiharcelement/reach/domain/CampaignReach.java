package fr.antiharcelement.reach.domain;

import fr.antiharcelement.reach.domain.online.OnlineReach;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A campaign's reach: the workshops' totals, targets, progress and pace, beside them the creators' posts online (never
 * added to the students or parents sensitised), and how fresh the numbers are.
 */
public record CampaignReach(String code, String name, LocalDate startsOn, LocalDate endsOn, Totals totals, Targets targets,
                            Progress progress, Pace pace, OnlineReach online, OffsetDateTime asOf, long lagMs) {

    public record Totals(long studentsSensitised, long parentsSensitised, long studentWorkshopsDelivered,
                         long parentWorkshopsDelivered, long workshopsScheduled, long schoolsReached) {
    }

    public record Targets(Integer studentsSensitised, Integer parentsSensitised, Integer studentWorkshops,
                          Integer parentWorkshops, Integer schools) {
    }

    /** Percent of each target reached, one decimal; null where there is no target. */
    public record Progress(Double studentsSensitised, Double parentsSensitised, Double studentWorkshops,
                           Double parentWorkshops, Double schools) {
    }

    /** Per target: the daily pace needed from today to reach it by the end, and the daily pace so far. */
    public record Pace(Rate studentsSensitised, Rate parentsSensitised, Rate studentWorkshops, Rate parentWorkshops,
                       Rate schools) {
    }

    /** {@code neededPerDay} is null once the campaign has ended; 0 once the target is reached. */
    public record Rate(Double neededPerDay, double soFarPerDay) {
    }
}
