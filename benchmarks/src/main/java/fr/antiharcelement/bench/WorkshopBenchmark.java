package fr.antiharcelement.bench;

import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.kernel.CampaignTime;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * {@code ./run bench workshops}: workshop creation as partners integrate (partner token, Idempotency-Key), with 16
 * then 64 concurrent clients. Each creation is one durable transaction with its audit row and its outbox row.
 * The world is set up first so that no creation breaks a business rule: schools registered in school-service and
 * replicated to workshop-service over Kafka, a campaign, a partner, and enough facilitators that each workshop
 * gets a facilitator and an hour no other workshop uses.
 */
final class WorkshopBenchmark {

    static final String CAMPAIGN = "bench-2024";
    static final String PARTNER = "bench-partner";
    private static final ZonedDateTime FIRST_SLOT = ZonedDateTime.of(2024, 9, 2, 8, 0, 0, 0, CampaignTime.ZONE);
    private static final String[] CLASS_LEVELS = {"SIXIEME", "CINQUIEME", "QUATRIEME", "TROISIEME"};

    private final BenchEnvironment environment;

    WorkshopBenchmark(BenchEnvironment environment) {
        this.environment = environment;
    }

    void run() throws Exception {
        int schools = Bench.setting("workshops.schools", 200);
        int facilitatorCount = Bench.setting("workshops.facilitators", 256);
        int perPhase = Bench.setting("workshops.requests", 10_000);
        int warmUpRound = Bench.setting("workshops.warm-up", 1_000);
        BenchEnvironment.Service school = environment.service("school-service", "school");
        BenchEnvironment.Service workshop = environment.service("workshop-service", "workshop");
        String admin = TestTokens.admin();
        try (Http http = new Http(16)) {
            Report.progress("registering " + schools + " schools in school-service...");
            Load.Outcome registered = Load.closedLoop(http, 8, schools, Duration.ofMinutes(5), i -> Http.postJson(
                    school.url() + "/api/v1/schools", admin,
                    SchoolRequests.college(SchoolRequests.uai(i, 8_000), SchoolRequests.department(i), "Collège Atelier " + i)));
            require(registered.failed() == 0, "school registration failed: " + registered.failures());
            long replicated = awaitReplica(http, workshop, schools, Duration.ofMinutes(2));
            Report.progress(String.format("workshop-service's replica has the %d schools, %.1f s after the last registration",
                    schools, replicated / 1e9));

            http.expectSuccess(Http.postJson(workshop.url() + "/api/v1/campaigns", admin, campaign()));
            http.expectSuccess(Http.postJson(workshop.url() + "/api/v1/partners", admin,
                    Map.of("code", PARTNER, "name", "Association Benchmark")));
            List<String> facilitators = facilitators(http, workshop, admin, facilitatorCount);
            Report.progress("campaign, partner and " + facilitators.size() + " facilitators defined");

            String partnerToken = TestTokens.partner(PARTNER);
            // A creation answered non-2xx publishes no event: the outbox is drained once the others are published.
            AtomicLong refused = new AtomicLong();
            WarmUp.Done warm = WarmUp.untilCompiled(first -> {
                Load.Outcome round = Load.closedLoop(http, 16, warmUpRound, Duration.ofMinutes(5),
                        creation(workshop, partnerToken, facilitators, schools, first));
                refused.addAndGet(round.failed());
                return round.sent();
            }, Duration.ofMinutes(4));
            int offset = warm.requests();
            for (int clients : new int[] {16, 64}) {
                Report.progress(perPhase + " creations with " + clients + " clients...");
                var cpu = Report.cpuMark();
                Load.Outcome outcome = Load.closedLoop(http, clients, perPhase, Duration.ofMinutes(10),
                        creation(workshop, partnerToken, facilitators, schools, offset));
                offset += perPhase;
                refused.addAndGet(outcome.failed());
                Report.block("workshops: creation with " + clients + " concurrent clients");
                Report.line("after a warm-up of", warm.describe());
                Report.line("requests", Report.count(outcome.sent()) + String.format(" in %.1f s", outcome.elapsed().toMillis() / 1e3));
                Report.line("non-2xx", outcome.failures());
                Report.line("latency", outcome.latency().describe());
                Report.cpu(cpu, outcome.sent(), "creation");
                Report.figure(Figure.rate("workshop creations, " + clients + " clients", outcome.perSecond())
                        .with(outcome.latency()).aim(clients == 64 ? "≥ 1,000 /s and ≥ 50% of pgbench tpcb-like" : "")
                        .against(clients == 16 ? Baseline.HTTP_16_CLIENTS : Baseline.HTTP_64_CLIENTS, Baseline.PG_COMMITS));
                Report.figure(Figure.count("creations rejected (non-2xx), " + clients + " clients", outcome.failed()).aim("0"));
            }
            int paced = Bench.setting("workshops.paced-rate", 500);
            int pacedRequests = paced * Bench.setting("workshops.paced-seconds", 10);
            Report.progress(pacedRequests + " creations at " + paced + " /s (open loop)...");
            var cpu = Report.cpuMark();
            Load.Outcome outcome = Load.openLoop(http, paced, pacedRequests, creation(workshop, partnerToken, facilitators, schools, offset));
            offset += pacedRequests;
            refused.addAndGet(outcome.failed());
            Report.block("workshops: creation at " + paced + " /s, open loop");
            Report.line("requests", Report.count(outcome.sent()) + String.format(" in %.1f s", outcome.elapsed().toMillis() / 1e3));
            Report.line("non-2xx", outcome.failures());
            Report.line("latency", outcome.latency().describe());
            Report.cpu(cpu, outcome.sent(), "creation");
            Report.figure(Figure.latency("workshop creation at " + paced + " /s", outcome.latency()).aim("p99 ≤ 100 ms")
                    .against(Baseline.PG_COMMITS));
            Report.figure(Figure.count("creations rejected (non-2xx) at " + paced + " /s", outcome.failed()).aim("0"));
            long drainStart = System.nanoTime();
            double published = awaitPublished(http, workshop, offset - refused.get() + 1, Duration.ofMinutes(5)); // + the campaign's
            Report.line("outbox drained", String.format("%,.0f events published, the last %.1f s after the last response",
                    published, (System.nanoTime() - drainStart) / 1e9));
        }
    }

    /** Creation {@code i} of a phase: facilitator and hour chosen so that no two creations ever overlap. */
    private static IntFunction<HttpRequest> creation(BenchEnvironment.Service workshop, String token, List<String> facilitators,
                                                     int schools, int offset) {
        return i -> {
            int n = offset + i;
            ZonedDateTime startsAt = FIRST_SLOT.plusHours(n / facilitators.size());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("campaignCode", CAMPAIGN);
            body.put("schoolUai", SchoolRequests.uai(n % schools, 8_000));
            body.put("partnerCode", PARTNER);
            body.put("facilitatorId", facilitators.get(n % facilitators.size()));
            body.put("audience", "STUDENTS");
            body.put("classLevel", CLASS_LEVELS[n % CLASS_LEVELS.length]);
            body.put("startsAt", startsAt.toOffsetDateTime().toString());
            body.put("endsAt", startsAt.plusMinutes(50).toOffsetDateTime().toString());
            body.put("capacity", 30);
            return Http.request(workshop.url() + "/api/v1/workshops", token).header("Content-Type", "application/json")
                    .header("Idempotency-Key", "bench-workshop-" + n).POST(Http.json(body)).build();
        };
    }

    static Map<String, Object> campaign() {
        return Map.of("code", CAMPAIGN, "name", "Campagne de mesure 2024-2025", "startsOn", "2024-09-01", "endsOn", "2025-06-30",
                "targets", Map.of("studentsSensitised", 1_000_000, "studentWorkshops", 40_000, "parentWorkshops", 4_000,
                        "schools", 7_000));
    }

    static List<String> facilitators(Http http, BenchEnvironment.Service workshop, String token, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> created = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                created.add(pool.submit(() -> http.expectSuccess(Http.postJson(
                        workshop.url() + "/api/v1/partners/" + PARTNER + "/facilitators", token,
                        Map.of("displayName", "Animateur " + n, "contactEmail", "animateur" + n + "@benchmark.example")))
                        .path("id").asText()));
            }
            List<String> ids = new ArrayList<>();
            for (Future<String> id : created) {
                ids.add(id.get());
            }
            return ids;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits until workshop-service's school replica consumer has applied {@code schools} events; returns the wait in ns. */
    static long awaitReplica(Http http, BenchEnvironment.Service workshop, int schools, Duration timeout) {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        while (Prometheus.sum(http, workshop.url(), "consumer_events_applied_total", "workshop-service.school-replica") < schools) {
            require(System.nanoTime() < deadline, "workshop-service did not replicate " + schools + " schools in " + timeout);
            Pace.sleep(Duration.ofMillis(50));
        }
        return System.nanoTime() - start;
    }

    private static double awaitPublished(Http http, BenchEnvironment.Service service, long events, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        double published;
        while ((published = Prometheus.sum(http, service.url(), "outbox_events_published_total", "")) < events) {
            require(System.nanoTime() < deadline, "only " + published + " of " + events + " events published after " + timeout);
            Pace.sleep(Duration.ofMillis(50));
        }
        return published;
    }

    static void require(boolean condition, String problem) {
        if (!condition) {
            throw new IllegalStateException(problem);
        }
    }
}
