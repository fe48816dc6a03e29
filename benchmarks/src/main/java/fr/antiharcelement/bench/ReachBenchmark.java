package fr.antiharcelement.bench;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.bench.Places.Department;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.kernel.CampaignTime;
import org.apache.kafka.common.TopicPartition;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code ./run bench reach}, in four parts on one broker:
 * <ol>
 * <li>ingest: a million workshops' events (with corrections, reschedules and cancellations, plus the schools and
 * the campaign they refer to) written to the topics first, then reach-service started and timed until it has
 * applied them all (the consumer group's committed offsets);</li>
 * <li>reads on that million-workshop projection: summary and breakdown latencies, summary requests/s with 64
 * connections next to the same service's {@code /q/health/live} with 64 connections;</li>
 * <li>freshness: workshop-service completing workshops at 200/s through its API, and the time from each
 * completion's response to the reach summary counting it;</li>
 * <li>two instances: as many workshops again, ingested by two reach-service instances sharing the consumer group, on
 * a new database, with one member of the group each, then again with two each;</li>
 * <li>one transaction per event: reach-service with {@code EVENTS_CONSUMER_MAX_POLL_RECORDS=1} on a new database
 * over a smaller sample, next to the default batches over a sample of the same size.</li>
 * </ol>
 */
final class ReachBenchmark {

    static final String CONSUMER = "reach-service.projection";
    private static final String CAMPAIGN = "nationale-2024";
    private static final LocalDate CAMPAIGN_START = LocalDate.of(2024, 9, 2);
    private static final LocalDate CAMPAIGN_END = LocalDate.of(2025, 6, 27);

    private final BenchEnvironment environment;
    private final String viewer = TestTokens.viewer();

    ReachBenchmark(BenchEnvironment environment) {
        this.environment = environment;
    }

    void run() throws Exception {
        int workshops = Bench.setting("reach.workshops", 1_000_000);
        int schoolCount = Bench.setting("reach.schools", 7_000);
        int sampleWorkshops = Bench.setting("reach.sample-workshops", 18_000);
        List<String> schools = new ArrayList<>();
        try (Http http = new Http(16)) {
            Consumed ingest = writeThenConsume(http, () -> {
                try (SyntheticEvents events = new SyntheticEvents(environment.bootstrapServers())) {
                    return writeWorld(events, schools, schoolCount, workshops);
                }
            }, () -> List.of(environment.service("reach-service", "reach")), Duration.ofMinutes(40));
            ingest.report("reach: ingest of " + Report.count(ingest.events()) + " events (" + Report.count(workshops) + " workshops)");
            Report.figure(Figure.rate("ingest of " + Report.count(ingest.events()) + " events, one instance", ingest.catchup().steadyPerSecond())
                    .aim("≥ 20,000 /s").against(Baseline.KAFKA_RECORDS, Baseline.PG_BULK_ROWS));
            BenchEnvironment.Service reach = ingest.instances().get(0);

            if (Bench.setting("reach.ingest-only", 0) == 1) {
                // -Dbench.reach.ingest-only=1: the first ingest alone, to compare changes to the ingest path
                return;
            }
            reads(http, reach);
            freshness(http, reach, schools);
            reach.stop();
            // The aim is the replay of the million workshops, with two instances as well: a fifth of it, as before, was
            // mostly two new JVMs compiling (half their CPU), not what two instances apply once running.
            int twoInstanceWorkshops = Bench.setting("reach.two-instance-workshops", workshops);
            twoInstances(http, schools, twoInstanceWorkshops, TwoInstances.ONE_MEMBER_EACH);
            twoInstances(http, schools, twoInstanceWorkshops, TwoInstances.TWO_MEMBERS_EACH);
            oneTransactionPerEvent(http, schools, sampleWorkshops);
        }
    }

    /** Schools, the campaign, then the workshops; returns how many records were written. */
    private long writeWorld(SyntheticEvents events, List<String> schools, int schoolCount, int workshops) {
        List<Department> departments = Places.departments();
        for (int i = 0; i < schoolCount; i++) {
            Department department = departments.get(i % departments.size());
            String uai = Places.uai(department, 100 + i / departments.size());
            schools.add(uai);
            events.school(uai, "Collège " + uai, department);
        }
        events.campaign(CAMPAIGN, CAMPAIGN_START, CAMPAIGN_END);
        Report.progress("writing the events of " + Report.count(workshops) + " workshops to the topics...");
        long start = System.nanoTime();
        SyntheticEvents.WorkshopStream.Counts counts = new SyntheticEvents.WorkshopStream(events, CAMPAIGN, schools,
                CAMPAIGN_START, CAMPAIGN_END, 0x5ea7_0000_0000_0000L, 20_000, 42).write(workshops);
        events.flush();
        Report.progress(String.format("wrote %,d events in %.1f s: %,d schools, 1 campaign, %,d workshop events "
                        + "(%,d corrections, %,d reschedules, %,d cancellations)", events.sent(), (System.nanoTime() - start) / 1e9,
                schoolCount, counts.events(), counts.corrections(), counts.reschedules(), counts.cancellations()));
        return events.sent();
    }

    private void reads(Http http, BenchEnvironment.Service reach) {
        String summary = reach.url() + "/api/v1/reach/campaigns/" + CAMPAIGN;
        JsonNode totals = http.expectSuccess(Http.get(summary, viewer)).path("totals");
        Report.block("reach: reads on the projection of " + Report.count(totalWorkshops(totals)) + " workshops");
        Report.line("summary totals", totals);
        // Warmed up as its baseline, the trivial endpoint: after 500 requests, as before, the compiler threads were still
        // compiling the read path beside the one client, which tripled its p50.
        Report.line("after a warm-up of", Load.warmUp(http, i -> Http.get(summary, viewer)).describe());

        Load.Outcome one = Load.closedLoop(http, 1, 2_000, Duration.ofSeconds(120), i -> Http.get(summary, viewer));
        Report.line("summary, 1 client", one.latency().describe());
        Report.figure(Figure.latency("campaign summary, 1 client", one.latency()).aim("p99 ≤ 5 ms").against(Baseline.HTTP_1_CLIENT));
        for (String by : List.of("region", "school")) {
            String url = summary + "/breakdown?by=" + by;
            HttpResponse<String> sample = http.send(Http.get(url, viewer));
            Load.closedLoop(http, 1, 20, Duration.ofSeconds(60), i -> Http.get(url, viewer)); // warm-up
            Load.Outcome breakdown = Load.closedLoop(http, 1, 300, Duration.ofSeconds(120), i -> Http.get(url, viewer));
            Report.line("breakdown by " + by + ", 1 client", breakdown.latency().describe() + String.format(", %,d rows, %.1f kB",
                    Http.parse(sample.body()).size(), sample.body().length() / 1e3));
            Report.figure(Figure.latency("breakdown by=" + by + ", 1 client", breakdown.latency()).aim("p99 ≤ 50 ms")
                    .against(Baseline.HTTP_1_CLIENT));
            require(breakdown.failed() == 0, "breakdown by " + by + " failed: " + breakdown.failures());
        }
        pagedBreakdown(http, summary);

        // The same service's trivial endpoint first, then the summary: the share of it the summary keeps is the figure.
        String live = reach.url() + "/q/health/live";
        Load.closedLoop(http, 64, Integer.MAX_VALUE, Duration.ofSeconds(5), i -> Http.get(live, null)); // warm-up
        var liveCpu = Report.cpuMark();
        Load.Outcome trivial = Load.closedLoop(http, 64, Integer.MAX_VALUE, Duration.ofSeconds(20), i -> Http.get(live, null));
        Report.block("reach: /q/health/live of the same reach-service, 64 connections, 20 s");
        Report.line("health/live, 64 connections", trivial.latency().describe() + ", non-2xx " + trivial.failures());
        Report.cpu(liveCpu, trivial.sent(), "health/live request");
        Report.figure(Figure.rate("reach-service /q/health/live, 64 connections", trivial.perSecond()).with(trivial.latency())
                .provides(Baseline.REACH_LIVE_64_CLIENTS));

        Load.closedLoop(http, 64, Integer.MAX_VALUE, Duration.ofSeconds(5), i -> Http.get(summary, viewer)); // warm-up
        var cpu = Report.cpuMark();
        Load.Outcome many = Load.closedLoop(http, 64, Integer.MAX_VALUE, Duration.ofSeconds(20), i -> Http.get(summary, viewer));
        Report.block("reach: campaign summary with 64 connections, 20 s");
        Report.line("summary, 64 connections", many.latency().describe() + ", non-2xx " + many.failures());
        Report.line("share of /q/health/live", String.format("%.0f%% (%s against %s)", 100 * many.perSecond() / trivial.perSecond(),
                Report.rate(many.perSecond()), Report.rate(trivial.perSecond())));
        Report.cpu(cpu, many.sent(), "summary request");
        Report.figure(Figure.rate("campaign summary, 64 connections", many.perSecond()).with(many.latency())
                .aim(String.format(java.util.Locale.ROOT, "≥ %.0f /s", trivial.perSecond() / 2))
                .against(Baseline.REACH_LIVE_64_CLIENTS, Baseline.HTTP_64_CLIENTS, Baseline.PG_READS));
    }

    /** A dashboard paging through the schools, 50 rows a page, page after page. */
    private void pagedBreakdown(Http http, String summary) {
        String url = summary + "/breakdown?by=school&size=50&page=";
        HttpResponse<String> first = http.send(Http.get(url + 0, viewer));
        int rows = Integer.parseInt(first.headers().firstValue("X-Total-Count").orElse("0"));
        int pages = Math.max(1, (rows + 49) / 50);
        Load.closedLoop(http, 1, 100, Duration.ofSeconds(30), i -> Http.get(url + i % pages, viewer)); // warm-up
        Load.Outcome paged = Load.closedLoop(http, 1, 1_000, Duration.ofSeconds(120), i -> Http.get(url + i % pages, viewer));
        Report.line("breakdown by school, 50 per page", paged.latency().describe() + String.format(", %,d rows in %,d pages", rows, pages));
        Report.figure(Figure.latency("breakdown by=school paged (50 rows), 1 client", paged.latency()).aim("p99 ≤ 20 ms")
                .against(Baseline.HTTP_1_CLIENT));
        require(paged.failed() == 0, "paged breakdown by school failed: " + paged.failures());
    }

    /**
     * Workshops completed through workshop-service at a fixed rate; the reach summary of their campaign is polled
     * continuously. The k-th completion to be answered is taken as visible at the first poll counting k delivered
     * workshops (completions are answered in commit order at this rate, and each adds exactly one).
     *
     * <p>Measured once the path is compiled, as the other latencies are: workshop-service is started for this part,
     * and completions, the relay's one-change transactions on the broker and reach's small batches run no code the
     * earlier parts compiled. Without a warm-up the JIT compilers took 20 of the 51 s of CPU the measured
     * completions cost (2026-11-30), on a machine they kept 97% busy. The warm-up completes the workshops of campaigns
     * of its own at the same pace, their summary polled the same way, until the compilers settle.
     */
    private void freshness(Http http, BenchEnvironment.Service reach, List<String> schools) throws Exception {
        int perSecond = Bench.setting("reach.completions-per-second", 200);
        int completions = perSecond * Bench.setting("reach.freshness-seconds", 30);
        BenchEnvironment.Service workshop = environment.service("workshop-service", "workshop");
        WorkshopBenchmark.awaitReplica(http, workshop, schools.size(), Duration.ofMinutes(5));
        String admin = TestTokens.admin();
        http.expectSuccess(Http.postJson(workshop.url() + "/api/v1/partners", admin,
                Map.of("code", WorkshopBenchmark.PARTNER, "name", "Association Benchmark")));
        PacedCompletions paced = new PacedCompletions(http, workshop, reach, schools,
                WorkshopBenchmark.facilitators(http, workshop, admin, 100), perSecond);

        Report.progress("warming up: workshops completed at " + perSecond + "/s in campaigns of their own...");
        WarmUp.Done warm = WarmUp.untilCompiled(first -> paced.run("fraicheur-chauffe-" + first, 1_000).answeredAt().length,
                Duration.ofMinutes(3));
        PacedCompletions.Run measured = paced.run("fraicheur-" + paced.today, completions);

        long[] sorted = measured.answeredAt().clone();
        Arrays.sort(sorted);
        Latency visible = new Latency();
        int unseen = 0;
        for (int k = 1; k <= completions; k++) {
            long seenAt = measured.poller().firstSeenAt(k);
            if (sorted[k - 1] == Long.MAX_VALUE || seenAt < 0) {
                unseen++;
                continue;
            }
            visible.recordNanos(seenAt - sorted[k - 1]);
        }
        Report.block("reach: freshness, " + completions + " completions at " + perSecond + "/s through workshop-service");
        Report.line("after a warm-up of", warm.describe());
        Report.line("completions sent", String.format("%,d in %.1f s (%s)", completions, measured.sendSeconds(),
                Report.rate(completions / measured.sendSeconds())));
        Report.line("completion request latency", measured.requestLatency().describe());
        Report.line("summary polls", String.format("%,d, %s apart on average", measured.poller().polls(),
                Report.ms(measured.poller().averageGapMillis()) + " ms"));
        Report.line("completion to summary", visible.describe() + (unseen > 0 ? ", " + unseen + " never seen" : ""));
        Report.figure(Figure.latency("completion to reach summary, " + perSecond + " completions/s", visible).aim("p99 ≤ 100 ms")
                .against(Baseline.KAFKA_LATENCY));
        Report.cpu(measured.cpuAtFirst(), completions, "completion (request, relay, reach's batch, summary polls)");
        workshop.stop();
    }

    /**
     * Campaigns whose workshops are scheduled, then completed at a fixed rate while their reach summary is polled. Each
     * campaign's workshops take the next time slots of the same facilitators, so that no two overlap.
     */
    private final class PacedCompletions {

        private final Http http;
        private final BenchEnvironment.Service workshop;
        private final BenchEnvironment.Service reach;
        private final List<String> schools;
        private final List<String> facilitators;
        private final int perSecond;
        private final String admin = TestTokens.admin();
        private final String partner = TestTokens.partner(WorkshopBenchmark.PARTNER);
        private final LocalDate today = LocalDate.now(CampaignTime.ZONE);
        /** The first slot of all: the campaigns' workshops are in the past, so that they can be completed. */
        private final ZonedDateTime firstSlot = today.minusDays(20).atTime(8, 0).atZone(CampaignTime.ZONE);
        private int slotsTaken;

        PacedCompletions(Http http, BenchEnvironment.Service workshop, BenchEnvironment.Service reach, List<String> schools,
                         List<String> facilitators, int perSecond) {
            this.http = http;
            this.workshop = workshop;
            this.reach = reach;
            this.schools = schools;
            this.facilitators = facilitators;
            this.perSecond = perSecond;
        }

        /** What one campaign's completions gave; {@code cpuAtFirst} was taken as the first was sent, after the scheduling. */
        record Run(long[] answeredAt, Latency requestLatency, double sendSeconds, SummaryPoller poller,
                   CpuShare.Snapshot cpuAtFirst) {
        }

        /** Campaign {@code code} with {@code count} workshops scheduled, then completed at the pace, its summary polled. */
        Run run(String code, int count) {
            int firstSlotIndex = slotsTaken;
            slotsTaken += count;
            require(firstSlot.plusHours(slotsTaken / facilitators.size() + 1).isBefore(ZonedDateTime.now(CampaignTime.ZONE)),
                    "the past has no free slots left for " + count + " more workshops of the facilitators");
            http.expectSuccess(Http.postJson(workshop.url() + "/api/v1/campaigns", admin, Map.of("code", code,
                    "name", "Campagne fraîcheur", "startsOn", today.minusDays(30).toString(), "endsOn", today.plusDays(30).toString(),
                    "targets", Map.of("studentsSensitised", 100_000, "studentWorkshops", 5_000, "parentWorkshops", 0, "schools", 100))));
            Report.progress("scheduling " + count + " past workshops of " + code + " through workshop-service...");
            Load.Outcome scheduled = Load.closedLoop(http, 16, count, Duration.ofMinutes(10), i -> {
                ZonedDateTime startsAt = firstSlot.plusHours((firstSlotIndex + i) / facilitators.size());
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("campaignCode", code);
                body.put("schoolUai", schools.get(i % schools.size()));
                body.put("partnerCode", WorkshopBenchmark.PARTNER);
                body.put("facilitatorId", facilitators.get(i % facilitators.size()));
                body.put("audience", "STUDENTS");
                body.put("classLevel", "CINQUIEME");
                body.put("startsAt", startsAt.toOffsetDateTime().toString());
                body.put("endsAt", startsAt.plusMinutes(55).toOffsetDateTime().toString());
                return Http.postJson(workshop.url() + "/api/v1/workshops", partner, body);
            });
            require(scheduled.failed() == 0, "scheduling failed: " + scheduled.failures());
            String[] ids = listIds(http, workshop, admin, code, count).subList(0, count).toArray(String[]::new);
            String summary = reach.url() + "/api/v1/reach/campaigns/" + code;
            awaitSummary(http, summary, "workshopsScheduled", count, Duration.ofMinutes(5));

            Report.progress(count + " completions of " + code + " at " + perSecond + "/s, polling the reach summary...");
            long[] answeredAt = new long[count];
            Latency requestLatency = new Latency();
            SummaryPoller poller = new SummaryPoller(http, summary, count);
            Thread polling = new Thread(poller, "summary-poller");
            polling.start();
            ExecutorService senders = Executors.newFixedThreadPool(16);
            CpuShare.Snapshot cpuAtFirst = Report.cpuMark();
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                Pace.waitForTurn(start, i, Duration.ofNanos(1_000_000_000L / perSecond));
                int index = i;
                senders.execute(() -> {
                    HttpRequest request = Http.postJson(workshop.url() + "/api/v1/workshops/" + ids[index] + "/completion", partner,
                            Map.of("attendees", 25));
                    long sent = System.nanoTime();
                    HttpResponse<String> response = http.send(request);
                    answeredAt[index] = System.nanoTime();
                    requestLatency.recordNanos(answeredAt[index] - sent);
                    if (response.statusCode() != 200) {
                        System.err.println("completion " + ids[index] + " answered " + response.statusCode() + ": " + response.body());
                        answeredAt[index] = Long.MAX_VALUE;
                    }
                });
            }
            senders.shutdown();
            try {
                require(senders.awaitTermination(2, TimeUnit.MINUTES), "completions did not finish");
                double sendSeconds = (System.nanoTime() - start) / 1e9;
                polling.join(TimeUnit.MINUTES.toMillis(2));
                poller.stop();
                return new Run(answeredAt, requestLatency, sendSeconds, poller, cpuAtFirst);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while completions were sent", e);
            }
        }
    }

    /**
     * Two instances in the live consumer's group, each with its share of the partitions, on a new database: they start
     * from the group's committed offsets, so they read only the sample written just before. Each instance runs
     * {@code run.members()} members of the group ({@code EVENTS_CONSUMER_THREADS}). Both instances share this machine's two
     * cores: one member each is how instances sharing a small host are meant to run (README, architecture.md), and
     * carries the aim; two each, reach's default for an instance with cores of its own, is measured beside it.
     */
    private void twoInstances(Http http, List<String> schools, int sampleWorkshops, TwoInstances run) {
        String how = "two instances, " + run.description();
        Report.progress("writing the events of " + Report.count(sampleWorkshops) + " more workshops for " + how + "...");
        Consumed sample = writeThenConsume(http, () -> writeSample(schools, run.idPrefix(), 20_000, 11 + run.members(), sampleWorkshops), () -> {
            environment.createDatabase(run.database());
            return startTogether(run.database(), 2, Map.of("EVENTS_CONSUMER_THREADS", Integer.toString(run.members())));
        }, Duration.ofMinutes(30));
        sample.report("reach: ingest of a " + Report.count(sample.events()) + "-event sample by " + how + ", new database");
        for (BenchEnvironment.Service instance : sample.instances()) {
            Report.line("applied by " + instance.url(), String.format("%,.0f", Prometheus.sum(http, instance.url(),
                    "consumer_events_applied_total", CONSUMER)));
        }
        Figure figure = Figure.rate("ingest of a " + Report.count(sample.events()) + "-event sample, " + how,
                sample.catchup().steadyPerSecond());
        Report.figure((run.carriesAim() ? figure.aim("≥ 20,000 /s") : figure).against(Baseline.KAFKA_RECORDS, Baseline.PG_BULK_ROWS));
        sample.instances().forEach(BenchEnvironment.Service::stop);
    }

    /** A two-instance run: members of the group per instance, its database, its workshops' id prefix, whether it carries the aim. */
    private record TwoInstances(int members, String description, String database, long idPrefix, boolean carriesAim) {
        static final TwoInstances ONE_MEMBER_EACH = new TwoInstances(1, "one member each", "reach_two_instances",
                0x0d0d_0000_0000_0000L, true);
        static final TwoInstances TWO_MEMBERS_EACH = new TwoInstances(2, "2 members each", "reach_two_instances_2_members",
                0x0c0c_0000_0000_0000L, false);
    }

    /** Writes the events of {@code count} more workshops of the campaign; returns how many events. */
    private long writeSample(List<String> schools, long idPrefix, int followUpDistance, long seed, int count) {
        try (SyntheticEvents events = new SyntheticEvents(environment.bootstrapServers())) {
            new SyntheticEvents.WorkshopStream(events, CAMPAIGN, schools, CAMPAIGN_START, CAMPAIGN_END, idPrefix, followUpDistance, seed)
                    .write(count);
            events.flush();
            return events.sent();
        }
    }

    /** Instances of reach-service on one database, started at the same time, with {@code settings} in their environment. */
    private List<BenchEnvironment.Service> startTogether(String database, int count, Map<String, String> settings) {
        ExecutorService starting = Executors.newFixedThreadPool(count);
        try {
            List<Future<BenchEnvironment.Service>> started = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                started.add(starting.submit(() -> environment.service("reach-service", database, settings)));
            }
            List<BenchEnvironment.Service> instances = new ArrayList<>();
            for (Future<BenchEnvironment.Service> instance : started) {
                instances.add(instance.get());
            }
            return instances;
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start " + count + " reach instances: " + e, e);
        } finally {
            starting.shutdown();
        }
    }

    /**
     * The same consumer configured to commit after every event, on a new database, against the default on another
     * sample of the same size. Both start from the consumer group's committed offsets, so each reads only the sample
     * written just before it.
     */
    private void oneTransactionPerEvent(Http http, List<String> schools, int sampleWorkshops) {
        long[] idPrefixes = {0x0e0e_0000_0000_0000L, 0x0f0f_0000_0000_0000L};
        String[] databases = {"reach_one_per_transaction", "reach_batched_sample"};
        for (int run = 0; run < 2; run++) {
            boolean onePerTransaction = run == 0;
            String database = databases[run];
            int sample = run;
            Consumed consumed = writeThenConsume(http, () -> writeSample(schools, idPrefixes[sample], 2_000, 7 + sample, sampleWorkshops),
                    () -> List.of(onePerTransaction
                            ? environment.service("reach-service", database, Map.of("EVENTS_CONSUMER_MAX_POLL_RECORDS", "1"))
                            : environment.service("reach-service", database)), Duration.ofMinutes(30));
            String how = onePerTransaction ? "1 event per transaction" : "default batches";
            consumed.report("reach: ingest of a " + Report.count(consumed.events()) + "-event sample, " + how + ", new database");
            Report.figure(Figure.rate("ingest of a " + Report.count(consumed.events()) + "-event sample, " + how,
                    consumed.catchup().steadyPerSecond()).against(onePerTransaction ? Baseline.PG_COMMITS : Baseline.KAFKA_RECORDS));
            consumed.instances().forEach(BenchEnvironment.Service::stop);
        }
    }

    /**
     * How a consumer caught up. Progress shows only when a batch commits, so the steady rate counts the records handled
     * after the first commit seen ({@code timedEvents}) over the time they took: counting the whole sample over that
     * time credited the first batches' work to no time at all (a two-instance sample of two batches each came out at
     * over 50,000 events/s).
     */
    private record Catchup(long events, double startupSeconds, long timedEvents, double applyingSeconds, double applied,
                           double skipped, double deadLetters) {

        double steadyPerSecond() {
            return timedEvents / applyingSeconds;
        }

        void describe() {
            Report.line("events", Report.count(events) + String.format(" (applied %,.0f, skipped as not newer %,.0f, dead letters %,.0f)",
                    applied, skipped, deadLetters));
            Report.line("start to first applied", String.format("%.1f s (JVM start, migrations, first poll)", startupSeconds));
            Report.line("first applied to caught up", String.format("%.1f s, %s records handled meanwhile", applyingSeconds,
                    Report.count(timedEvents)));
            Report.line("overall, start-up included", Report.rate(events / (startupSeconds + applyingSeconds)));
        }
    }

    /**
     * Waits until the consumer group has handled every record written to the topics before {@code mark} (applied,
     * skipped as not newer than what it holds, or dead-lettered), from its committed offsets; then reads what the
     * instances counted, once.
     */
    private Catchup awaitApplied(Http http, List<BenchEnvironment.Service> instances, GroupProgress progress, GroupProgress.Mark mark,
                                 long expected, Duration timeout) {
        long started = System.nanoTime(); // the service is ready: its consumer may already be applying
        long deadline = started + timeout.toNanos();
        long firstProgress = -1;
        long remainingAtFirstProgress = 0;
        long lastReport = started;
        while (true) {
            long remaining = mark.remaining(progress.committed());
            long handled = mark.toHandle() - remaining;
            long now = System.nanoTime();
            if (handled > 0 && firstProgress < 0) {
                firstProgress = now;
                remainingAtFirstProgress = remaining;
            }
            if (remaining == 0) {
                double applied = sum(http, instances, "consumer_events_applied_total");
                double skipped = sum(http, instances, "consumer_events_skipped_total");
                double dead = sum(http, instances, "consumer_dead_letters_total");
                require(applied + skipped + dead >= expected, String.format(
                        "the consumer group committed every offset but its instances handled %,.0f of %,d events", applied + skipped + dead, expected));
                require(remainingAtFirstProgress > 0, String.format("the whole sample of %,d events was handled in the first "
                        + "batches seen: too small to time (bench.reach.sample-workshops)", expected));
                return new Catchup(expected, (firstProgress - started) / 1e9, remainingAtFirstProgress, (now - firstProgress) / 1e9,
                        applied, skipped, dead);
            }
            require(now < deadline, String.format("reach-service handled %,d of %,d events in %s", handled, expected, timeout));
            if (now - lastReport > TimeUnit.SECONDS.toNanos(20)) {
                Report.progress(String.format("reach-service has handled %,d of %,d events", handled, expected));
                lastReport = now;
            }
            Pace.sleep(Duration.ofMillis(200));
        }
    }

    /** A sample written, then consumed: how many events, the CPU mark taken once written, the instances, how they caught up. */
    private record Consumed(long events, CpuShare.Snapshot cpu, List<BenchEnvironment.Service> instances, Catchup catchup) {

        /** Its block of the report: how it caught up, and the CPU used since the writing ended. */
        void report(String block) {
            Report.block(block);
            catchup.describe();
            Report.cpu(cpu, events, "event (start-up included)");
        }
    }

    /**
     * Writes events with {@code write} (which returns how many), starts the instances that consume them with
     * {@code start}, and waits until the consumer group has committed past every one of them.
     */
    private Consumed writeThenConsume(Http http, LongSupplier write, Supplier<List<BenchEnvironment.Service>> start,
                                      Duration timeout) {
        try (GroupProgress progress = groupProgress()) {
            Map<TopicPartition, Long> before = progress.ends();
            long events = write.getAsLong();
            GroupProgress.Mark mark = progress.mark(before);
            CpuShare.Snapshot cpu = Report.cpuMark();
            List<BenchEnvironment.Service> instances = start.get();
            return new Consumed(events, cpu, instances, awaitApplied(http, instances, progress, mark, events, timeout));
        }
    }

    /** A counter of the consumer, summed over the instances. */
    private static double sum(Http http, List<BenchEnvironment.Service> instances, String counter) {
        return instances.stream().mapToDouble(reach -> Prometheus.sum(http, reach.url(), counter, CONSUMER)).sum();
    }

    /** The consumer group's progress through the topics the benchmark writes. */
    private GroupProgress groupProgress() {
        return new GroupProgress(environment.bootstrapServers(), CONSUMER,
                List.of(SyntheticEvents.SCHOOL_TOPIC, SyntheticEvents.CAMPAIGN_TOPIC, SyntheticEvents.WORKSHOP_TOPIC));
    }

    private void awaitSummary(Http http, String summaryUrl, String total, long expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            HttpResponse<String> response = http.send(Http.get(summaryUrl, viewer));
            if (response.statusCode() == 200 && Http.parse(response.body()).path("totals").path(total).asLong() >= expected) {
                return;
            }
            require(System.nanoTime() < deadline, "the reach summary never showed " + expected + " " + total);
            Pace.sleep(Duration.ofMillis(100));
        }
    }

    /** The ids of the campaign's workshops, in pages of 200. */
    private static List<String> listIds(Http http, BenchEnvironment.Service workshop, String token, String campaign, int count) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; ids.size() < count; page++) {
            JsonNode items = http.expectSuccess(Http.get(workshop.url() + "/api/v1/workshops?campaign=" + campaign + "&size=200&page="
                    + page, token)).path("items");
            require(items.size() > 0, "only " + ids.size() + " workshops listed in " + campaign);
            items.forEach(item -> ids.add(item.path("id").asText()));
        }
        return ids;
    }

    private static long totalWorkshops(JsonNode totals) {
        return totals.path("studentWorkshopsDelivered").asLong() + totals.path("parentWorkshopsDelivered").asLong()
                + totals.path("workshopsScheduled").asLong();
    }

    /** Polls a campaign summary back to back, noting the first response that counted each number of deliveries. */
    private final class SummaryPoller implements Runnable {

        private final Http http;
        private final String url;
        private final long[] firstSeenAt;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private long polls;
        private long firstPoll;
        private long lastPoll;

        SummaryPoller(Http http, String url, int completions) {
            this.http = http;
            this.url = url;
            this.firstSeenAt = new long[completions + 1];
            Arrays.fill(firstSeenAt, -1);
        }

        @Override
        public void run() {
            int seen = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            firstPoll = System.nanoTime();
            while (running.get() && seen < firstSeenAt.length - 1 && System.nanoTime() < deadline) {
                HttpResponse<String> response = http.send(Http.get(url, viewer));
                long now = System.nanoTime();
                polls++;
                lastPoll = now;
                JsonNode totals = Http.parse(response.body()).path("totals");
                int delivered = (int) Math.min(firstSeenAt.length - 1,
                        totals.path("studentWorkshopsDelivered").asLong() + totals.path("parentWorkshopsDelivered").asLong());
                for (int k = seen + 1; k <= delivered; k++) {
                    firstSeenAt[k] = now;
                }
                seen = Math.max(seen, delivered);
                Pace.sleep(Duration.ofMillis(2));
            }
        }

        long firstSeenAt(int k) {
            return firstSeenAt[k];
        }

        long polls() {
            return polls;
        }

        double averageGapMillis() {
            return polls == 0 ? 0 : (lastPoll - firstPoll) / 1e6 / polls;
        }

        void stop() {
            running.set(false);
        }
    }

    private static void require(boolean condition, String problem) {
        WorkshopBenchmark.require(condition, problem);
    }
}
