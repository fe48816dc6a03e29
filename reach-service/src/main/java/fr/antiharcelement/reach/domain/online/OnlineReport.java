package fr.antiharcelement.reach.domain.online;

import fr.antiharcelement.reach.domain.CampaignProgress;
import fr.antiharcelement.reach.domain.CampaignState;
import fr.antiharcelement.reach.domain.ReachReport;
import fr.antiharcelement.reach.domain.ReachRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The online side of the dashboards: the summary's {@code online} block, its breakdowns, its days, and its audit. */
@ApplicationScoped
public class OnlineReport {

    @Inject
    OnlineQueries queries;

    @Inject
    CampaignProgress progress;

    /** {@code campaign} null when campaign-events have not described it (no period: no pace). */
    public OnlineReach summary(String code, CampaignState campaign) {
        OnlineQueries.Summary summary = queries.summary(code);
        OnlineFigures totals = summary.totals().figures();
        OnlineReach.Targets targets = summary.targets()
                .map(t -> new OnlineReach.Targets(t.impressions(), t.accountsReached(), t.engagements()))
                .orElse(new OnlineReach.Targets(null, null, null));
        OnlineReach.Progress percent = new OnlineReach.Progress(progress.percent(totals.impressions(), targets.impressions()),
                progress.percent(totals.accountsReached(), targets.accountsReached()),
                progress.percent(totals.engagements(), targets.engagements()));
        OnlineReach.Pace pace = campaign == null ? null : new OnlineReach.Pace(
                progress.pace(totals.impressions(), targets.impressions(), campaign),
                progress.pace(totals.accountsReached(), targets.accountsReached(), campaign),
                progress.pace(totals.engagements(), targets.engagements(), campaign));
        return new OnlineReach(totals, targets, percent, pace);
    }

    /** By creator or platform; a period counts the posts published in it. */
    public List<OnlineRow> breakdown(String code, OnlineBreakdown by, LocalDate from, LocalDate to) {
        return from == null && to == null ? queries.breakdownFromTotals(code, by) : queries.breakdownFromContributions(code, by, from, to);
    }

    /**
     * The month breakdown: the workshops' rows, each with what the posts published that month did online; a month with
     * posts and no workshop has a row too. Sorted as the other breakdowns (students, parents, then key).
     */
    public List<MonthReach> months(String code, List<ReachRow> workshops, LocalDate from, LocalDate to) {
        Map<String, ReachRow> byMonth = new LinkedHashMap<>();
        workshops.forEach(row -> byMonth.put(row.key(), row));
        Map<String, OnlineRow> online = new LinkedHashMap<>();
        breakdown(code, OnlineBreakdown.MONTH, from, to).forEach(row -> online.put(row.key(), row));
        Set<String> keys = new TreeSet<>(byMonth.keySet());
        keys.addAll(online.keySet());
        return keys.stream().map(key -> MonthReach.of(key, byMonth.get(key), online.get(key)))
                .sorted(Comparator.comparingLong(MonthReach::studentsSensitised).reversed()
                        .thenComparing(Comparator.comparingLong(MonthReach::parentsSensitised).reversed())
                        .thenComparing(MonthReach::key))
                .toList();
    }

    /** Per day, in order, from the running totals. */
    public List<OnlineRow> days(String code) {
        return queries.days(code);
    }

    /**
     * Adds to {@code differences} those between the running online totals and a recomputation from the post
     * contributions (there must be none); returns how many keys it compared.
     */
    public int audit(String code, List<ReachReport.Difference> differences) {
        int checked = compare("online", List.of(queries.totals(code)), List.of(queries.totalsFromContributions(code)), differences);
        for (OnlineBreakdown by : OnlineBreakdown.values()) {
            checked += compare("online by " + by.apiName(), queries.breakdownFromTotals(code, by),
                    queries.breakdownFromContributions(code, by, null, null), differences);
        }
        return checked;
    }

    private static int compare(String breakdown, List<OnlineRow> running, List<OnlineRow> recomputed,
                                List<ReachReport.Difference> differences) {
        Map<String, OnlineRow> expected = new LinkedHashMap<>();
        recomputed.stream().filter(row -> !row.isEmpty()).forEach(row -> expected.put(row.key(), row));
        Map<String, OnlineRow> actual = new LinkedHashMap<>();
        running.stream().filter(row -> !row.isEmpty()).forEach(row -> actual.put(row.key(), row));
        Set<String> keys = new TreeSet<>(expected.keySet());
        keys.addAll(actual.keySet());
        OnlineRow zero = new OnlineRow(null, null, 0, 0, 0, 0, 0);
        for (String key : keys) {
            OnlineRow a = actual.getOrDefault(key, zero);
            OnlineRow e = expected.getOrDefault(key, zero);
            check(differences, breakdown, key, "creators", a.creators(), e.creators());
            check(differences, breakdown, key, "posts", a.posts(), e.posts());
            check(differences, breakdown, key, "impressions", a.impressions(), e.impressions());
            check(differences, breakdown, key, "accountsReached", a.accountsReached(), e.accountsReached());
            check(differences, breakdown, key, "engagements", a.engagements(), e.engagements());
        }
        return keys.size();
    }

    private static void check(List<ReachReport.Difference> differences, String breakdown, String key, String metric, long running,
                              long recomputed) {
        if (running != recomputed) {
            differences.add(new ReachReport.Difference(breakdown, key, metric, running, recomputed));
        }
    }
}
