package fr.antiharcelement.reach.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
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
                campaign == null ? null : progress.pace(t, targets, campaign),
                summary.asOf().map(asOf -> asOf.atZone(CampaignTime.ZONE).toOffsetDateTime()).orElse(null), feed.lagMillis());
    }

    public List<ReachRow> breakdown(String code, Breakdown by, LocalDate from, LocalDate to) {
        summary(code); // 404 for an unknown campaign
        return from == null && to == null ? queries.breakdownFromTotals(code, by) : queries.breakdownFromContributions(code, by, from, to);
    }

    public enum Granularity { DAY, WEEK, MONTH }

    /** One point per period (from the campaign's start, or its first workshop, to its last), with cumulative sums. */
    public record TimelinePoint(String period, long studentsSensitised, long parentsSensitised, long workshopsDelivered,
                                long workshopsScheduled, long cumulativeStudentsSensitised, long cumulativeParentsSensitised,
                                long cumulativeWorkshopsDelivered) {
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
        List<LocalDate> known = new ArrayList<>(byPeriod.keySet());
        LocalDate first = summary.startsOn() != null ? periodOf(summary.startsOn(), granularity)
                : known.stream().min(LocalDate::compareTo).orElse(null);
        LocalDate last = known.stream().max(LocalDate::compareTo).orElse(first);
        if (summary.endsOn() != null) {
            LocalDate end = periodOf(summary.endsOn(), granularity);
            last = last == null || end.isAfter(last) ? end : last;
        }
        List<TimelinePoint> points = new ArrayList<>();
        long students = 0;
        long parents = 0;
        long delivered = 0;
        for (LocalDate period = first; period != null && !period.isAfter(last); period = next(period, granularity)) {
            ReachRow row = byPeriod.get(period);
            long s = row == null ? 0 : row.studentsSensitised();
            long p = row == null ? 0 : row.parentsSensitised();
            long d = row == null ? 0 : row.studentWorkshopsDelivered() + row.parentWorkshopsDelivered();
            students += s;
            parents += p;
            delivered += d;
            points.add(new TimelinePoint(label(period, granularity), s, p, d, row == null ? 0 : row.workshopsScheduled(),
                    students, parents, delivered));
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
