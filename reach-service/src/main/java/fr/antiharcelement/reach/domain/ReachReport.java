package fr.antiharcelement.reach.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.InvalidInputException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.reach.domain.online.MonthReach;
import fr.antiharcelement.reach.domain.online.OnlineBreakdown;
import fr.antiharcelement.reach.domain.online.OnlineReport;
import fr.antiharcelement.reach.domain.online.OnlineRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers the dashboards: summaries, breakdowns, timelines, and the audit that proves the totals. */
@ApplicationScoped
public class ReachReport {

    @Inject
    ProjectionQueries queries;

    @Inject
    ProjectionFeed feed;

    @Inject
    CampaignProgress progress;

    @Inject
    OnlineReport online;

    public List<CampaignReach> campaigns() {
        return queries.campaignCodes().stream().map(this::summary).toList();
    }

    public CampaignReach summary(String code) {
        ProjectionQueries.Summary summary = queries.summary(code);
        CampaignState campaign = summary.campaign().orElse(null);
        ReachRow totals = summary.totals();
        if (campaign == null && totals.studentWorkshopsDelivered() + totals.parentWorkshopsDelivered() + totals.workshopsScheduled() == 0) {
            throw new NotFoundException("No campaign " + code + " in reach (yet)");
        }
        CampaignReach.Totals t = new CampaignReach.Totals(totals.studentsSensitised(), totals.parentsSensitised(),
                totals.studentWorkshopsDelivered(), totals.parentWorkshopsDelivered(), totals.workshopsScheduled(),
                totals.schoolsReached());
        CampaignReach.Targets targets = campaign == null ? new CampaignReach.Targets(null, null, null, null, null)
                : new CampaignReach.Targets(campaign.targetStudents(), campaign.targetParents(), campaign.targetStudentWorkshops(),
                campaign.targetParentWorkshops(), campaign.targetSchools());
        return new CampaignReach(code, campaign == null ? null : campaign.name(), campaign == null ? null : campaign.startsOn(),
                campaign == null ? null : campaign.endsOn(), t, targets, progress.progress(t, targets),
                campaign == null ? null : progress.pace(t, targets, campaign), online.summary(code, campaign),
                summary.asOf().map(asOf -> asOf.atZone(CampaignTime.ZONE).toOffsetDateTime()).orElse(null), feed.lagMillis());
    }

    public List<ReachRow> breakdown(String code, Breakdown by, LocalDate from, LocalDate to) {
        summary(code); // 404 for an unknown campaign
        return from == null && to == null ? queries.breakdownFromTotals(code, by) : queries.breakdownFromContributions(code, by, from, to);
    }

    /** By creator or platform: the campaign's online reach. */
    public List<OnlineRow> onlineBreakdown(String code, OnlineBreakdown by, LocalDate from, LocalDate to) {
        summary(code); // 404 for an unknown campaign
        return online.breakdown(code, by, from, to);
    }

    /** By month: the workshops' figures and, beside them, the online ones. */
    public List<MonthReach> months(String code, LocalDate from, LocalDate to) {
        return online.months(code, breakdown(code, Breakdown.MONTH, from, to), from, to);
    }

    public enum Granularity { DAY, WEEK, MONTH }

    /**
     * The most points a timeline answers: a campaign of the longest span workshop-service accepts (5 years) fits by day.
     * A campaign whose events say otherwise (a span of centuries from a typing error) is read by week or month rather
     * than built into millions of points in memory.
     */
    public static final int MAX_TIMELINE_POINTS = 2_000;

    /**
     * One point per period (from the campaign's start, or its first workshop or post, to its last), with cumulative
     * sums; the online figures are those of the posts published in the period, with their current figures.
     */
    public record TimelinePoint(String period, long studentsSensitised, long parentsSensitised, long workshopsDelivered,
                                long workshopsScheduled, long cumulativeStudentsSensitised, long cumulativeParentsSensitised,
                                long cumulativeWorkshopsDelivered, long posts, long impressions, long accountsReached,
                                long engagements, long cumulativePosts, long cumulativeImpressions, long cumulativeAccountsReached,
                                long cumulativeEngagements) {
    }

    public List<TimelinePoint> timeline(String code, Granularity granularity) {
        CampaignReach summary = summary(code);
        List<ReachRow> days = queries.days(code);
        Map<LocalDate, ReachRow> byPeriod = new LinkedHashMap<>();
        for (ReachRow day : days) {
            LocalDate period = periodOf(LocalDate.parse(day.key()), granularity);
            ReachRow sum = byPeriod.get(period);
            byPeriod.put(period, sum == null ? day : new ReachRow(null, null, sum.studentsSensitised() + day.studentsSensitised(),
                    sum.parentsSensitised() + day.parentsSensitised(), sum.studentWorkshopsDelivered() + day.studentWorkshopsDelivered(),
                    sum.parentWorkshopsDelivered() + day.parentWorkshopsDelivered(), sum.workshopsScheduled() + day.workshopsScheduled(), 0));
        }
        Map<LocalDate, long[]> onlineByPeriod = new LinkedHashMap<>();
        for (OnlineRow day : online.days(code)) {
            long[] sum = onlineByPeriod.computeIfAbsent(periodOf(LocalDate.parse(day.key()), granularity), p -> new long[4]);
            sum[0] += day.posts();
            sum[1] += day.impressions();
            sum[2] += day.accountsReached();
            sum[3] += day.engagements();
        }
        List<LocalDate> known = new ArrayList<>(byPeriod.keySet());
        known.addAll(onlineByPeriod.keySet());
        LocalDate first = summary.startsOn() != null ? periodOf(summary.startsOn(), granularity)
                : known.stream().min(LocalDate::compareTo).orElse(null);
        LocalDate last = known.stream().max(LocalDate::compareTo).orElse(first);
        if (summary.endsOn() != null) {
            LocalDate end = periodOf(summary.endsOn(), granularity);
            last = last == null || end.isAfter(last) ? end : last;
        }
        long count = first == null ? 0 : units(granularity).between(first, last) + 1;
        if (count > MAX_TIMELINE_POINTS) {
            throw InvalidInputException.field("granularity", "this campaign runs from " + first + " to " + last + ": "
                    + count + " points by " + granularity.name().toLowerCase(java.util.Locale.ROOT) + ", more than "
                    + MAX_TIMELINE_POINTS + "; ask for a longer period (week or month)");
        }
        List<TimelinePoint> points = new ArrayList<>((int) count);
        long students = 0;
        long parents = 0;
        long delivered = 0;
        long[] cumulativeOnline = new long[4];
        for (LocalDate period = first; period != null && !period.isAfter(last); period = next(period, granularity)) {
            ReachRow row = byPeriod.get(period);
            long s = row == null ? 0 : row.studentsSensitised();
            long p = row == null ? 0 : row.parentsSensitised();
            long d = row == null ? 0 : row.studentWorkshopsDelivered() + row.parentWorkshopsDelivered();
            students += s;
            parents += p;
            delivered += d;
            long[] o = onlineByPeriod.getOrDefault(period, new long[4]);
            for (int i = 0; i < 4; i++) {
                cumulativeOnline[i] += o[i];
            }
            points.add(new TimelinePoint(label(period, granularity), s, p, d, row == null ? 0 : row.workshopsScheduled(),
                    students, parents, delivered, o[0], o[1], o[2], o[3], cumulativeOnline[0], cumulativeOnline[1],
                    cumulativeOnline[2], cumulativeOnline[3]));
        }
        return points;
    }

    /** Differences between the running totals and a recomputation from the contribution rows: there must be none. */
    public record Difference(String breakdown, String key, String metric, long runningTotal, long recomputed) {
    }

    public record Audit(String campaign, int keysChecked, List<Difference> differences) {
    }

    public Audit audit(String code) {
        summary(code);
        List<Difference> differences = new ArrayList<>();
        int checked = compare("campaign", List.of(queries.totals(code)), List.of(queries.totalsFromContributions(code)), differences);
        for (Breakdown by : Breakdown.values()) {
            checked += compare(by.apiName(), queries.breakdownFromTotals(code, by),
                    queries.breakdownFromContributions(code, by, null, null), differences);
        }
        checked += online.audit(code, differences);
        return new Audit(code, checked, differences);
    }

    private static int compare(String breakdown, List<ReachRow> running, List<ReachRow> recomputed, List<Difference> differences) {
        Map<String, ReachRow> expected = new LinkedHashMap<>();
        recomputed.forEach(row -> expected.put(row.key(), row));
        Map<String, ReachRow> actual = new LinkedHashMap<>();
        running.forEach(row -> actual.put(row.key(), row));
        java.util.Set<String> keys = new java.util.TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        ReachRow zero = new ReachRow(null, null, 0, 0, 0, 0, 0, 0);
        for (String key : keys) {
            ReachRow a = actual.getOrDefault(key, zero);
            ReachRow e = expected.getOrDefault(key, zero);
            check(differences, breakdown, key, "studentsSensitised", a.studentsSensitised(), e.studentsSensitised());
            check(differences, breakdown, key, "parentsSensitised", a.parentsSensitised(), e.parentsSensitised());
            check(differences, breakdown, key, "studentWorkshopsDelivered", a.studentWorkshopsDelivered(), e.studentWorkshopsDelivered());
            check(differences, breakdown, key, "parentWorkshopsDelivered", a.parentWorkshopsDelivered(), e.parentWorkshopsDelivered());
            check(differences, breakdown, key, "workshopsScheduled", a.workshopsScheduled(), e.workshopsScheduled());
            check(differences, breakdown, key, "schoolsReached", a.schoolsReached(), e.schoolsReached());
        }
        return keys.size();
    }

    private static void check(List<Difference> differences, String breakdown, String key, String metric, long running, long recomputed) {
        if (running != recomputed) {
            differences.add(new Difference(breakdown, key, metric, running, recomputed));
        }
    }

    private static LocalDate periodOf(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
        };
    }

    private static ChronoUnit units(Granularity granularity) {
        return switch (granularity) {
            case DAY -> ChronoUnit.DAYS;
            case WEEK -> ChronoUnit.WEEKS;
            case MONTH -> ChronoUnit.MONTHS;
        };
    }

    private static LocalDate next(LocalDate period, Granularity granularity) {
        return switch (granularity) {
            case DAY -> period.plusDays(1);
            case WEEK -> period.plusWeeks(1);
            case MONTH -> period.plusMonths(1);
        };
    }

    private static String label(LocalDate period, Granularity granularity) {
        return switch (granularity) {
            case DAY -> period.toString();
            case WEEK -> period.toString() + "/P1W";
            case MONTH -> period.toString().substring(0, 7);
        };
    }
}
