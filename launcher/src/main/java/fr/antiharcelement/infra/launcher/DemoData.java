package fr.antiharcelement.infra.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.infra.security.TokenMinter;
import fr.antiharcelement.kernel.CampaignTime;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

/**
 * {@code ./run --demo}: loads demo data through the services' own HTTP APIs, as a user would: the Ille-et-Vilaine
 * annuaire, the #LePoidsDesMots campaign, two partner associations with their facilitators, and a school year of
 * workshops scheduled by the partners themselves, most completed with a class-sized headcount, a few corrected or
 * cancelled; and the collective of twelve content creators with their posts and the snapshots of their figures
 * ({@link OnlinePlay}).
 *
 * <p>Every step finds what an earlier run made before making it, so a load cut half-way (a service stopped, Ctrl-C)
 * is finished by the next {@code ./run --demo}, and one that finished is left alone: a partner or campaign that exists
 * (409) is kept, facilitators are found by name, a workshop is found by its slot (its facilitator is booked there: the
 * 409 names it) and only the transitions it still lacks are made, posts are found by URL, and snapshots sent again
 * change nothing. Nothing is ever made twice.
 */
final class DemoData {

    static final String CAMPAIGN = "lepoidsdesmots-2021";
    private static final Path ANNUAIRE = Path.of("school-service", "src", "test", "resources", "annuaire",
            "fr-en-annuaire-education-ille-et-vilaine-2023.csv");
    private static final List<String> LEVELS = List.of("SIXIEME", "CINQUIEME", "QUATRIEME", "TROISIEME");
    private static final LocalDate FIRST_MONDAY = LocalDate.of(2021, 10, 4);
    private static final int WORKSHOPS = 240;
    private static final int POSTS_PER_CREATOR = 2;

    private record Partner(String code, String name, List<String> facilitators) {
    }

    private static final List<Partner> PARTNERS = List.of(
            new Partner("e-enfance", "Association e-Enfance", List.of("Camille Laurent", "Nadia Benali", "Hugo Petit")),
            new Partner("generation-numerique", "Génération Numérique", List.of("Julie Moreau", "Karim Haddad", "Léa Fontaine")));

    private final ApiClient api = new ApiClient();
    private final TokenMinter tokens;
    private final Consumer<String> say;

    private DemoData(TokenMinter tokens, Consumer<String> say) {
        this.tokens = tokens;
        this.say = say;
    }

    static void load(Path root, TokenMinter tokens, Consumer<String> say) {
        try {
            new DemoData(tokens, say).load(root);
        } catch (RuntimeException e) {
            say.accept("Demo data could not be loaded: " + e.getMessage());
        }
    }

    private void load(Path root) {
        if (loaded()) {
            say.accept("Demo data: already loaded (campaign " + CAMPAIGN + " with its " + WORKSHOPS + " workshops and posts).");
            return;
        }
        Instant started = Instant.now();
        JsonNode report = api.postCsv(LocalSystem.SCHOOL.url("/api/v1/schools/imports"), tokens.admin(), root.resolve(ANNUAIRE));
        say.accept("Demo data: annuaire imported (" + report.path("created").asInt() + " schools created).");
        List<String> colleges = openColleges();

        createOrKeep(LocalSystem.WORKSHOP.url("/api/v1/campaigns"), Map.of("code", CAMPAIGN, "name", "#LePoidsDesMots",
                "startsOn", "2021-09-01", "endsOn", "2022-06-30", "targets", Map.of("studentsSensitised", 70000,
                        "studentWorkshops", 1800, "parentWorkshops", 200, "schools", 300,
                        "online", Map.of("impressions", 10_000_000, "engagements", 600_000))));
        Map<String, List<String>> facilitators = new LinkedHashMap<>();
        for (Partner partner : PARTNERS) {
            createOrKeep(LocalSystem.WORKSHOP.url("/api/v1/partners"), Map.of("code", partner.code(), "name", partner.name()));
            String url = LocalSystem.WORKSHOP.url("/api/v1/partners/" + partner.code() + "/facilitators");
            Map<String, String> existing = new LinkedHashMap<>();
            api.get(url, tokens.admin()).forEach(found -> existing.putIfAbsent(found.path("displayName").asText(), found.path("id").asText()));
            List<String> ids = new ArrayList<>();
            for (String name : partner.facilitators()) {
                String email = name.toLowerCase().replaceAll("[^a-z]+", ".") + "@" + partner.code() + ".example";
                ids.add(existing.containsKey(name) ? existing.get(name)
                        : api.post(url, tokens.admin(), Map.of("displayName", name, "contactEmail", email)).path("id").asText());
            }
            facilitators.put(partner.code(), ids);
        }
        say.accept("Demo data: campaign " + CAMPAIGN + ", partners " + facilitators.keySet() + " defined; scheduling workshops...");
        int[] counts = scheduleYear(colleges, facilitators);
        OnlinePlay online = new OnlinePlay(api, tokens);
        online.registerCreators();
        List<OnlinePlay.PlayedPost> posts = online.play(CAMPAIGN, "demo", POSTS_PER_CREATOR, 2021);
        say.accept("Demo data: " + Creators.COLLECTIVE.size() + " creators, " + posts.size() + " posts with "
                + (posts.size() * 3) + " snapshots of their figures (a third uploaded late, kept in the history only).");
        say.accept("Demo data: " + counts[0] + " workshops scheduled, " + counts[1] + " completed, " + counts[2] + " corrected, "
                + counts[3] + " cancelled, in " + Duration.between(started, Instant.now()).toSeconds() + " s. Reach: "
                + LocalSystem.REACH.url("/api/v1/reach/campaigns/" + CAMPAIGN));
    }

    /** Whether an earlier run loaded everything: the campaign, its workshops and its posts. */
    private boolean loaded() {
        if (api.send("GET", LocalSystem.WORKSHOP.url("/api/v1/campaigns/" + CAMPAIGN), tokens.admin(), null).statusCode() != 200) {
            return false;
        }
        long workshops = api.get(LocalSystem.WORKSHOP.url("/api/v1/workshops?campaign=" + CAMPAIGN + "&size=1"), tokens.admin())
                .path("totalItems").asLong();
        long posts = api.get(LocalSystem.WORKSHOP.url("/api/v1/creator-posts?campaign=" + CAMPAIGN + "&size=1"), tokens.admin())
                .path("totalItems").asLong();
        return workshops == WORKSHOPS && posts == OnlinePlay.postCount(POSTS_PER_CREATOR);
    }

    /** A POST that creates, or finds what it would create there already (409): an earlier run made it. */
    private void createOrKeep(String url, Map<String, Object> body) {
        api.expect(api.send("POST", url, tokens.admin(), body), 201, 409);
    }

    private List<String> openColleges() {
        List<String> uais = new ArrayList<>();
        for (int number = 0, pages = 1; number < pages; number++) {
            JsonNode page = api.get(LocalSystem.SCHOOL.url("/api/v1/schools?type=COLLEGE&status=OPEN&size=200&page=" + number),
                    tokens.viewer());
            page.path("items").forEach(school -> uais.add(school.path("uai").asText()));
            pages = page.path("totalPages").asInt();
        }
        return uais;
    }

    /**
     * Workshop {@code i} goes to partner {@code i % 2} and facilitator {@code (i / 2) % 3}; each such pair gets its
     * own weekday, so no facilitator is booked twice. Every eighth workshop is for parents, in the evening.
     */
    private int[] scheduleYear(List<String> colleges, Map<String, List<String>> facilitators)
            {
        Random random = new Random(2021);
        int completed = 0;
        int corrected = 0;
        int cancelled = 0;
        for (int i = 0; i < WORKSHOPS; i++) {
            Partner partner = PARTNERS.get(i % 2);
            String token = tokens.partner(partner.code());
            int slot = i / 6;
            LocalDate day = FIRST_MONDAY.plusWeeks((slot / 5) * 4L).plusDays(slot % 5);
            boolean parents = i % 8 == 7;
            ZonedDateTime start = ZonedDateTime.of(day, parents ? LocalTime.of(18, 0) : LocalTime.of(10, 0), CampaignTime.ZONE);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("campaignCode", CAMPAIGN);
            body.put("schoolUai", colleges.get(random.nextInt(colleges.size())));
            body.put("partnerCode", partner.code());
            body.put("facilitatorId", facilitators.get(partner.code()).get((i / 2) % 3));
            body.put("audience", parents ? "PARENTS" : "STUDENTS");
            body.put("classLevel", parents ? null : LEVELS.get(random.nextInt(LEVELS.size())));
            body.put("startsAt", start.toOffsetDateTime().toString());
            body.put("endsAt", start.plusHours(2).toOffsetDateTime().toString());
            body.put("capacity", 35); // the headcounts drawn go up to 35, never above the seats
            JsonNode state = scheduled(token, body);
            String workshop = LocalSystem.WORKSHOP.url("/api/v1/workshops/" + state.path("id").asText());
            String status = state.path("status").asText();
            if (i % 10 == 9) {
                continue; // still to take place
            }
            int attendees = parents ? 8 + random.nextInt(25) : 20 + random.nextInt(16);
            if (status.equals("SCHEDULED")) {
                state = api.post(workshop + "/completion", token, Map.of("attendees", attendees));
                status = state.path("status").asText();
            }
            completed++;
            if (i % 37 == 5) {
                if (status.equals("COMPLETED") && state.path("attendees").asInt() == attendees) {
                    api.post(workshop + "/attendance-corrections", token, Map.of("attendees", attendees - 2,
                            "reasonCode", "HEADCOUNT_RECOUNTED", "note", "Deux élèves comptés deux fois"));
                }
                corrected++;
            } else if (i % 53 == 11) {
                if (!status.equals("CANCELLED")) {
                    api.post(workshop + "/cancellation", token, Map.of("reasonCode", "RECORDED_BY_MISTAKE",
                            "note", "Saisi dans la mauvaise école"));
                }
                cancelled++;
                completed--;
            }
        }
        return new int[] {WORKSHOPS, completed, corrected, cancelled};
    }

    /**
     * The workshop of this slot: found where an earlier run scheduled it (its facilitator's workshop starting then,
     * cancelled ones included), or scheduled now.
     */
    private JsonNode scheduled(String token, Map<String, Object> body) {
        String startsAt = (String) body.get("startsAt");
        String search = "/api/v1/workshops?campaign=" + CAMPAIGN + "&facilitator=" + body.get("facilitatorId") + "&from=" + query(startsAt)
                + "&to=" + query(java.time.OffsetDateTime.parse(startsAt).plusMinutes(1).toString());
        JsonNode found = api.get(LocalSystem.WORKSHOP.url(search), token).path("items");
        if (!found.isEmpty()) {
            return found.get(0);
        }
        return api.scheduleOnceTheSchoolIsKnown(LocalSystem.WORKSHOP.url("/api/v1/workshops"), token, body);
    }

    private static String query(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
