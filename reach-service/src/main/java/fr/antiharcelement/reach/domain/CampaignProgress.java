package fr.antiharcelement.reach.domain;

import fr.antiharcelement.kernel.CampaignTime;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * How far a campaign is towards its targets: the percent of each target reached, and per target the daily pace
 * needed from today to reach it by the end versus the daily pace so far. Today is the clock's, in campaign time.
 */
@Singleton
public class CampaignProgress {

    private final Clock clock;

    @Inject
    public CampaignProgress(Clock clock) {
        this.clock = clock;
    }

    public CampaignReach.Progress progress(CampaignReach.Totals totals, CampaignReach.Targets targets) {
        return new CampaignReach.Progress(percent(totals.studentsSensitised(), targets.studentsSensitised()),
                percent(totals.parentsSensitised(), targets.parentsSensitised()),
                percent(totals.studentWorkshopsDelivered(), targets.studentWorkshops()),
                percent(totals.parentWorkshopsDelivered(), targets.parentWorkshops()),
                percent(totals.schoolsReached(), targets.schools()));
    }

    public CampaignReach.Pace pace(CampaignReach.Totals totals, CampaignReach.Targets targets, CampaignState campaign) {
        LocalDate today = CampaignTime.today(clock);
        return new CampaignReach.Pace(rate(totals.studentsSensitised(), targets.studentsSensitised(), campaign, today),
                rate(totals.parentsSensitised(), targets.parentsSensitised(), campaign, today),
                rate(totals.studentWorkshopsDelivered(), targets.studentWorkshops(), campaign, today),
                rate(totals.parentWorkshopsDelivered(), targets.parentWorkshops(), campaign, today),
                rate(totals.schoolsReached(), targets.schools(), campaign, today));
    }

    /** Percent of an online target (impressions, accounts reached, engagements) reached, as for the others. */
    public Double percent(long value, Long target) {
        return target == null ? null : percent(value, target.longValue());
    }

    /** The pace of an online target, as for the others. */
    public CampaignReach.Rate pace(long value, Long target, CampaignState campaign) {
        return rate(value, target, campaign, CampaignTime.today(clock));
    }

    /** One decimal; null where there is no target (none, or 0). */
    private static Double percent(long value, Integer target) {
        return target == null ? null : percent(value, target.longValue());
    }

    private static Double percent(long value, long target) {
        if (target == 0) {
            return null;
        }
        return Math.round(value * 1000.0 / target) / 10.0;
    }

    /** Days count whole, both ends included; before the start nothing has been done, after the end nothing is needed. */
    private static CampaignReach.Rate rate(long value, Integer target, CampaignState campaign, LocalDate today) {
        return rate(value, target == null ? null : Long.valueOf(target), campaign, today);
    }

    private static CampaignReach.Rate rate(long value, Long target, CampaignState campaign, LocalDate today) {
        LocalDate lastCounted = today.isAfter(campaign.endsOn()) ? campaign.endsOn() : today;
        long elapsed = Math.max(1, ChronoUnit.DAYS.between(campaign.startsOn(), lastCounted) + 1);
        double soFar = today.isBefore(campaign.startsOn()) ? 0 : round(value / (double) elapsed);
        Double needed = null;
        if (target != null && !today.isAfter(campaign.endsOn())) {
            long remaining = ChronoUnit.DAYS.between(today.isBefore(campaign.startsOn()) ? campaign.startsOn() : today,
                    campaign.endsOn()) + 1;
            needed = round(Math.max(0, target - value) / (double) remaining);
        }
        return new CampaignReach.Rate(needed, soFar);
    }

    private static double round(double value) {
        return Math.round(value * 100.0) / 100.0;
    }
}
