package fr.antiharcelement.infra.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.infra.security.TokenMinter;
import fr.antiharcelement.kernel.CampaignTime;
import org.awaitility.core.ConditionTimeoutException;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import static org.awaitility.Awaitility.await;

/**
 * {@code ./run campaign}: plays a whole campaign at #LePoidsDesMots scale against the running system, as its users
 * would, then checks that reach says exactly what was done.
 *
 * <p>It imports the annuaire fixture, registers collèges elsewhere in France up to 300, defines a campaign with two
 * partners of ten facilitators each, and has the partners schedule 1,800 pupil and 200 parent workshops with their
 * own tokens, complete them with a class-sized headcount, correct and cancel a few; staff record the twelve creators'
 * posts and their figures ({@link OnlinePlay}). A model computed from those operations alone gives every total and every
 * breakdown, online ones included; the run fails on any difference.
 */
final class CampaignPlay {

    private static final int STUDENT_WORKSHOPS = 1800;
    private static final int PARENT_WORKSHOPS = 200;
    private static final int WORKSHOPS = STUDENT_WORKSHOPS + PARENT_WORKSHOPS;
    private static final int SCHOOLS = 300;
    private static final int FACILITATORS_PER_PARTNER = 10;
    private static final int CLIENTS = 8;
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2021, 9, 13);
    private static final List<String> LEVELS = List.of("SIXIEME", "CINQUIEME", "QUATRIEME", "TROISIEME");
    private static final List<String> BREAKDOWNS = List.of("region", "academy", "department", "school", "partner", "audience",
            "classLevel", "month");
    private static final List<String> ONLINE_BREAKDOWNS = List.of("creator", "platform", "month");
    private static final int POSTS_PER_CREATOR = 4;
    private static final long IMPRESSIONS_TARGET = 10_000_000;
    private static final Path ANNUAIRE = Path.of("school-service", "src", "test", "resources", "annuaire",
            "fr-en-annuaire-education-ille-et-vilaine-2023.csv");

    /** A school as the model needs it: where it is. */
    private record Place(String uai, String department, String academy, String region) {
    }

    /** What the model knows of one workshop once played: only what the operations said. */
    private record Played(Place school, String partner, String audience, String classLevel, String month, String status,
                          int attendees) {
    }

    /** The reach metrics of one key, as the API names them. */
    private record Metrics(long studentsSensitised, long parentsSensitised, long studentWorkshopsDelivered,
                           long parentWorkshopsDelivered, long workshopsScheduled, long schoolsReached) {
    }

    private final ApiClient api = new ApiClient();
    private final TokenMinter tokens;
    private final Path root;
    private final String stamp = DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(java.time.LocalDateTime.now());

    private CampaignPlay(Path root, TokenMinter tokens) {
        this.root = root;
        this.tokens = tokens;
    }

    static int run(Path root, TokenMinter tokens) {
        try {
            return new CampaignPlay(root, tokens).play();
        } catch (RuntimeException e) {
            System.err.println("[campaign] Failed: " + e.getMessage());
            return 1;
        }
    }

    private int play() {
        Instant started = Instant.now();
        api.postCsv(LocalSystem.SCHOOL.url("/api/v1/schools/imports"), tokens.admin(), root.resolve(ANNUAIRE));
        List<Place> schools = threeHundredColleges();
        String campaign = "lpdm-" + stamp;
        api.post(LocalSystem.WORKSHOP.url("/api/v1/campaigns"), tokens.admin(), Map.of("code", campaign,
                "name", "#LePoidsDesMots (campaign play " + stamp + ")", "startsOn", "2021-09-01", "endsOn", "2022-06-30",
                "targets", Map.of("studentsSensitised", 70000, "studentWorkshops", STUDENT_WORKSHOPS,
                        "parentWorkshops", PARENT_WORKSHOPS, "schools", SCHOOLS, "online", Map.of("impressions", IMPRESSIONS_TARGET))));
        List<String> partners = List.of("gn-" + stamp, "ee-" + stamp);
        Map<String, List<String>> facilitators = new LinkedHashMap<>();
        for (String partner : partners) {
            api.post(LocalSystem.WORKSHOP.url("/api/v1/partners"), tokens.admin(), Map.of("code", partner,
                    "name", partner.startsWith("gn") ? "Génération Numérique" : "Association e-Enfance"));
            List<String> ids = new ArrayList<>();
            for (int f = 0; f < FACILITATORS_PER_PARTNER; f++) {
                ids.add(api.post(LocalSystem.WORKSHOP.url("/api/v1/partners/" + partner + "/facilitators"), tokens.admin(),
                        Map.of("displayName", "Intervenant " + (f + 1), "contactEmail", "intervenant" + (f + 1) + "@" + partner
                                + ".example")).path("id").asText());
            }
            facilitators.put(partner, ids);
        }
        Instant setUp = Instant.now();
        say("%d schools, campaign %s, partners %s ready in %d s; %d partner clients play %d workshops...".formatted(schools.size(),
                campaign, partners, Duration.between(started, setUp).toSeconds(), CLIENTS, WORKSHOPS));

        List<Played> played = playWorkshops(campaign, schools, partners, facilitators);
        Instant workshopsWritten = Instant.now();
        double seconds = Duration.between(setUp, workshopsWritten).toMillis() / 1000.0;
        long requests = played.stream().mapToLong(p -> p.status().equals("SCHEDULED") ? 1 : 2).sum();
        say("Workshops played in %.1f s (%d write requests, %.0f/s).".formatted(seconds, requests, requests / seconds));
        OnlinePlay online = new OnlinePlay(api, tokens);
        online.registerCreators();
        List<OnlinePlay.PlayedPost> posts = online.play(campaign, stamp, POSTS_PER_CREATOR, Long.parseLong(stamp));
        Instant written = Instant.now();
        say("%d creators' %d posts and their snapshots recorded in %.1f s.".formatted(Creators.COLLECTIVE.size(), posts.size(),
                Duration.between(workshopsWritten, written).toMillis() / 1000.0));

        Metrics expected = metrics(played);
        JsonNode summary = awaitTotals(campaign, expected);
        say("Reach shows every workshop %d ms after the last write.".formatted(Duration.between(written, Instant.now()).toMillis()));
        int differences = compareBreakdowns(campaign, played) + compareOnline(campaign, posts);
        printFigures(summary, expected);
        printOnline(api.get(LocalSystem.REACH.url("/api/v1/reach/campaigns/" + campaign), tokens.viewer()), posts);
        say("Whole play: %d s. %s".formatted(Duration.between(started, Instant.now()).toSeconds(),
                differences == 0 ? "Reach equals what was done: every total and every breakdown." : differences + " DIFFERENCES."));
        return differences == 0 ? 0 : 1;
    }

    /** The open collèges of the fixture, plus collèges registered in other départements up to 300. */
    private List<Place> threeHundredColleges() {
        List<Place> colleges = openColleges();
        for (int department = 1; colleges.size() < SCHOOLS && department <= 95; department++) {
            if (department == 20 || department == 35) {
                continue; // Corsica's codes are 2A and 2B; Ille-et-Vilaine comes from the fixture
            }
            for (int n = 0; n < 4 && colleges.size() + n < SCHOOLS; n++) {
                String digits = "%03d%04d".formatted(department, 9000 + n);
                String uai = digits + "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(Integer.parseInt(digits) % 23);
                int status = api.send("POST", LocalSystem.SCHOOL.url("/api/v1/schools"), tokens.admin(), Map.of("uai", uai,
                        "name", "Collège de la campagne " + uai, "type", "COLLEGE", "sector", "PUBLIC", "communeName", "Commune " + uai,
                        "departmentCode", "%03d".formatted(department))).statusCode();
                if (status != 201 && status != 409) {
                    throw new IllegalStateException("Registering college " + uai + " answered " + status);
                }
            }
            colleges = openColleges();
        }
        return colleges.subList(0, SCHOOLS);
    }

    private List<Place> openColleges() {
        List<Place> colleges = new ArrayList<>();
        for (int number = 0, pages = 1; number < pages; number++) {
            JsonNode page = api.get(LocalSystem.SCHOOL.url("/api/v1/schools?type=COLLEGE&status=OPEN&size=200&page=" + number),
                    tokens.viewer());
            page.path("items").forEach(school -> colleges.add(new Place(school.path("uai").asText(),
                    school.path("departmentCode").asText(), school.path("academyCode").asText(), school.path("regionCode").asText())));
            pages = page.path("totalPages").asInt();
        }
        colleges.sort(java.util.Comparator.comparing(Place::uai));
        return colleges;
    }

    /**
     * Workshop {@code i} belongs to partner {@code i % 2} and facilitator {@code (i / 2) % 10}, on its own weekday,
     * so no facilitator is ever booked twice; every tenth is for parents, in the evening.
     */
    private List<Played> playWorkshops(String campaign, List<Place> schools, List<String> partners,
                                       Map<String, List<String>> facilitators) {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<Played>> results = new ArrayList<>();
            for (int i = 0; i < WORKSHOPS; i++) {
                int index = i;
                results.add(clients.submit(() -> playOne(index, campaign, schools, partners, facilitators)));
            }
            List<Played> played = new ArrayList<>();
            for (Future<Played> result : results) {
                played.add(result.get());
            }
            return played;
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        } finally {
            clients.shutdownNow();
        }
    }

    private Played playOne(int i, String campaign, List<Place> schools, List<String> partners,
                           Map<String, List<String>> facilitators) {
        SplittableRandom random = new SplittableRandom(i); // well spread even for consecutive seeds
        String partner = partners.get(i % 2);
        String token = tokens.partner(partner);
        int weekday = (i / 20) * 9 / 5;
        LocalDate day = FIRST_MONDAY.plusWeeks(weekday / 5).plusDays(weekday % 5);
        boolean parents = i % 10 == 9;
        ZonedDateTime start = ZonedDateTime.of(day, parents ? LocalTime.of(18, 30) : LocalTime.of(10, 0), CampaignTime.ZONE);
        Place school = schools.get(i * 7 % schools.size());
        String level = parents ? null : LEVELS.get(random.nextInt(LEVELS.size()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("campaignCode", campaign);
        body.put("schoolUai", school.uai());
        body.put("partnerCode", partner);
        body.put("facilitatorId", facilitators.get(partner).get((i / 2) % FACILITATORS_PER_PARTNER));
        body.put("audience", parents ? "PARENTS" : "STUDENTS");
        body.put("classLevel", level);
        body.put("startsAt", start.toOffsetDateTime().toString());
        body.put("endsAt", start.plusHours(2).toOffsetDateTime().toString());
        body.put("capacity", 40); // the headcounts played go up to 40 (parents), never above the seats
        String workshop = LocalSystem.WORKSHOP.url("/api/v1/workshops/"
                + api.scheduleOnceTheSchoolIsKnown(LocalSystem.WORKSHOP.url("/api/v1/workshops"), token, body).path("id").asText());
        String month = day.toString().substring(0, 7);
        Function<String, Played> outcome = status -> new Played(school, partner, parents ? "PARENTS" : "STUDENTS",
                level == null ? "NONE" : level, month, status, 0);
        if (i % 25 == 24) {
            return outcome.apply("SCHEDULED"); // not yet taken place
        }
        if (i % 50 == 13) {
            api.post(workshop + "/cancellation", token, Map.of("reasonCode", "RESCHEDULED_BY_SCHOOL"));
            return outcome.apply("CANCELLED");
        }
        int attendees = parents ? 5 + random.nextInt(36) : 20 + random.nextInt(16);
        api.post(workshop + "/completion", token, Map.of("attendees", attendees));
        if (i % 100 == 42) {
            api.post(workshop + "/cancellation", token, Map.of("reasonCode", "RECORDED_BY_MISTAKE", "note", "L'atelier n'a pas eu lieu"));
            return outcome.apply("CANCELLED");
        }
        if (i % 40 == 7) {
            attendees -= 3;
            api.post(workshop + "/attendance-corrections", token, Map.of("attendees", attendees,
                    "reasonCode", "HEADCOUNT_RECOUNTED", "note", "Trois élèves comptés deux fois"));
        }
        Played completed = outcome.apply("COMPLETED");
        return new Played(completed.school(), completed.partner(), completed.audience(), completed.classLevel(), completed.month(),
                "COMPLETED", attendees);
    }

    private JsonNode awaitTotals(String campaign, Metrics expected) {
        AtomicReference<JsonNode> summary = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(120)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(100)).until(() -> {
                summary.set(api.get(LocalSystem.REACH.url("/api/v1/reach/campaigns/" + campaign), tokens.viewer()));
                return metrics(summary.get().path("totals")).equals(expected);
            });
        } catch (ConditionTimeoutException e) {
            throw new IllegalStateException("After 120 s reach shows " + metrics(summary.get().path("totals")) + " instead of " + expected);
        }
        return summary.get();
    }

    private int compareBreakdowns(String campaign, List<Played> played) {
        int differences = 0;
        for (String by : BREAKDOWNS) {
            Map<String, Metrics> expected = new TreeMap<>();
            Map<String, List<Played>> groups = new TreeMap<>();
            played.forEach(p -> groups.computeIfAbsent(key(by, p), k -> new ArrayList<>()).add(p));
            groups.forEach((key, group) -> {
                Metrics metrics = metrics(group);
                if (!metrics.equals(new Metrics(0, 0, 0, 0, 0, 0))) {
                    expected.put(key, metrics);
                }
            });
            Map<String, Metrics> actual = new TreeMap<>();
            api.get(LocalSystem.REACH.url("/api/v1/reach/campaigns/" + campaign + "/breakdown?by=" + by), tokens.viewer())
                    .forEach(row -> {
                        Metrics metrics = metrics(row);
                        if (!metrics.equals(new Metrics(0, 0, 0, 0, 0, 0))) {
                            actual.put(row.path("key").asText(), metrics);
                        }
                    });
            if (!actual.equals(expected)) {
                differences++;
                say("Breakdown by %s differs:%n  expected %s%n  reach    %s".formatted(by, expected, actual));
            } else {
                say("Breakdown by %-10s %3d rows, all equal.".formatted(by, actual.size()));
            }
        }
        return differences;
    }

    /** The online figures of some posts: creators, posts, impressions, accounts reached (summed per post), engagements. */
    private record Online(long creators, long posts, long impressions, long accountsReached, long engagements) {
    }

    private static Online online(List<OnlinePlay.PlayedPost> posts) {
        return new Online(posts.stream().map(OnlinePlay.PlayedPost::creator).distinct().count(), posts.size(),
                posts.stream().mapToLong(OnlinePlay.PlayedPost::impressions).sum(),
                posts.stream().mapToLong(OnlinePlay.PlayedPost::accountsReached).sum(),
                posts.stream().mapToLong(OnlinePlay.PlayedPost::engagements).sum());
    }

    private static Online online(JsonNode row) {
        return new Online(row.path("creators").asLong(), row.path("posts").asLong(), row.path("impressions").asLong(),
                row.path("accountsReached").asLong(), row.path("engagements").asLong());
    }

    /** The online totals, and by creator, platform and month, against the posts played; the students and parents untouched. */
    private int compareOnline(String campaign, List<OnlinePlay.PlayedPost> posts) {
        Online expected = online(posts);
        AtomicReference<JsonNode> summary = new AtomicReference<>();
        try {
            await().atMost(Duration.ofSeconds(60)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200)).until(() -> {
                summary.set(api.get(LocalSystem.REACH.url("/api/v1/reach/campaigns/" + campaign), tokens.viewer()));
                return online(summary.get().path("online").path("totals")).equals(expected);
            });
        } catch (ConditionTimeoutException e) {
            say("Online totals differ:%n  expected %s%n  reach    %s".formatted(expected, online(summary.get().path("online").path("totals"))));
            return 1;
        }
        int differences = 0;
        for (String by : ONLINE_BREAKDOWNS) {
            Map<String, List<OnlinePlay.PlayedPost>> groups = new TreeMap<>();
            posts.forEach(p -> groups.computeIfAbsent(switch (by) {
                case "creator" -> p.creator();
                case "platform" -> p.platform();
                default -> p.month();
            }, k -> new ArrayList<>()).add(p));
            Map<String, Online> wanted = new TreeMap<>();
            groups.forEach((key, group) -> wanted.put(key, online(group)));
            Map<String, Online> actual = new TreeMap<>();
            api.get(LocalSystem.REACH.url("/api/v1/reach/campaigns/" + campaign + "/breakdown?by=" + by), tokens.viewer())
                    .forEach(row -> {
                        Online figures = online(by.equals("month") ? row.path("online") : row);
                        if (figures.posts() > 0) {
                            actual.put(row.path("key").asText(), figures);
                        }
                    });
            if (!actual.equals(wanted)) {
                differences++;
                say("Online breakdown by %s differs:%n  expected %s%n  reach    %s".formatted(by, wanted, actual));
            } else {
                say("Online by %-10s %3d rows, all equal.".formatted(by, actual.size()));
            }
        }
        return differences;
    }

    private static void printOnline(JsonNode summary, List<OnlinePlay.PlayedPost> posts) {
        Online online = online(posts);
        say("Online: %d creators, %d posts, %,d impressions (target %,d: %s %%), %,d accounts reached (summed per post), %,d engagements."
                .formatted(online.creators(), online.posts(), online.impressions(), IMPRESSIONS_TARGET,
                        summary.path("online").path("progress").path("impressions").asText(), online.accountsReached(),
                        online.engagements()));
    }

    private static String key(String by, Played p) {
        return switch (by) {
            case "region" -> p.school().region();
            case "academy" -> p.school().academy();
            case "department" -> p.school().department();
            case "school" -> p.school().uai();
            case "partner" -> p.partner();
            case "audience" -> p.audience();
            case "classLevel" -> p.classLevel();
            case "month" -> p.month();
            default -> throw new IllegalArgumentException(by);
        };
    }

    private static Metrics metrics(List<Played> played) {
        List<Played> completed = played.stream().filter(p -> p.status().equals("COMPLETED")).toList();
        return new Metrics(
                completed.stream().filter(p -> p.audience().equals("STUDENTS")).mapToLong(Played::attendees).sum(),
                completed.stream().filter(p -> p.audience().equals("PARENTS")).mapToLong(Played::attendees).sum(),
                completed.stream().filter(p -> p.audience().equals("STUDENTS")).count(),
                completed.stream().filter(p -> p.audience().equals("PARENTS")).count(),
                played.stream().filter(p -> p.status().equals("SCHEDULED")).count(),
                completed.stream().map(p -> p.school().uai()).collect(java.util.stream.Collectors.toCollection(TreeSet::new)).size());
    }

    private static Metrics metrics(JsonNode row) {
        return new Metrics(row.path("studentsSensitised").asLong(), row.path("parentsSensitised").asLong(),
                row.path("studentWorkshopsDelivered").asLong(), row.path("parentWorkshopsDelivered").asLong(),
                row.path("workshopsScheduled").asLong(), row.path("schoolsReached").asLong());
    }

    private static void printFigures(JsonNode summary, Metrics expected) {
        say("Students sensitised %d (target 70,000: %s %%), parents %d; pupil workshops %d, parent workshops %d, still scheduled %d, schools reached %d."
                .formatted(expected.studentsSensitised(), summary.path("progress").path("studentsSensitised").asText(),
                        expected.parentsSensitised(), expected.studentWorkshopsDelivered(), expected.parentWorkshopsDelivered(),
                        expected.workshopsScheduled(), expected.schoolsReached()));
    }

    private static void say(String message) {
        System.out.println("[campaign] " + message);
    }
}
