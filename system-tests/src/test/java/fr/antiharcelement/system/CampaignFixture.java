package fr.antiharcelement.system;

import fr.antiharcelement.client.reach.api.ReachApi;
import fr.antiharcelement.client.reach.model.CampaignReach;
import fr.antiharcelement.client.school.api.SchoolsApi;
import fr.antiharcelement.client.school.model.SchoolRequest;
import fr.antiharcelement.client.school.model.SchoolType;
import fr.antiharcelement.client.school.model.Sector;
import fr.antiharcelement.client.workshop.api.CampaignsApi;
import fr.antiharcelement.client.workshop.api.PartnersAndFacilitatorsApi;
import fr.antiharcelement.client.workshop.model.CampaignRequest;
import fr.antiharcelement.client.workshop.model.FacilitatorRequest;
import fr.antiharcelement.client.workshop.model.PartnerRequest;
import fr.antiharcelement.client.workshop.model.Targets;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.infra.testing.ChildService;
import io.restassured.response.Response;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A campaign played through the services' HTTP APIs, as staff and partners would: schools registered in
 * school-service, partners and facilitators and workshops in workshop-service. It remembers what it did, so
 * that reach-service's totals can be compared with what really happened. Safe to use from several threads.
 */
final class CampaignFixture {

    /** Every total reach-service keeps for a campaign, in the names of its API. */
    record Totals(long studentsSensitised, long parentsSensitised, long studentWorkshopsDelivered,
                  long parentWorkshopsDelivered, long workshopsScheduled, long schoolsReached) {
    }

    /** A workshop as the fixture scheduled it; {@code attendees} is set once it is completed. */
    static final class Workshop {
        final String id;
        final String school;
        final boolean students;
        volatile Integer attendees;

        private Workshop(String id, String school, boolean students) {
            this.id = id;
            this.school = school;
            this.students = students;
        }
    }

    private static final LocalDate FIRST_DAY = LocalDate.of(2021, 9, 1);
    private static final AtomicInteger SCHOOL_NUMBERS = new AtomicInteger();

    private final RunningSystem system;
    final String code;
    private final List<String[]> facilitators = new ArrayList<>(); // {partner, facilitator id}
    private final List<String> knownSchools = new ArrayList<>();
    private final List<Workshop> workshops = new ArrayList<>();
    private final AtomicInteger slots = new AtomicInteger();

    private CampaignFixture(RunningSystem system, String code) {
        this.system = system;
        this.code = code;
    }

    /**
     * A campaign of the 2021-2022 school year (so that workshops are in the past and may be completed at once)
     * with three partners of two facilitators each, and {@code schools} schools that workshop-service's replica
     * knows: each has one workshop scheduled, the proof that its school event arrived.
     */
    static CampaignFixture create(RunningSystem system, String prefix, int schools) {
        CampaignFixture campaign = new CampaignFixture(system, prefix + "-" + UUID.randomUUID().toString().substring(0, 8));
        // through the client generated from workshop-service's document: what it declares is what the service does
        fr.antiharcelement.client.workshop.ApiClient staff = GeneratedClients.workshop(system.workshop, TestTokens.admin());
        try {
            var created = new CampaignsApi(staff).createCampaignWithHttpInfo(new CampaignRequest().code(campaign.code)
                    .name("Campaign " + campaign.code).startsOn(LocalDate.of(2021, 9, 1)).endsOn(LocalDate.of(2022, 6, 30))
                    .targets(new Targets().studentsSensitised(10_000).studentWorkshops(400).parentWorkshops(40).schools(schools)), null);
            assertThat(created.getStatusCode()).isEqualTo(201);
            assertThat(created.getData().getCode()).isEqualTo(campaign.code);
            PartnersAndFacilitatorsApi partners = new PartnersAndFacilitatorsApi(staff);
            for (int p = 1; p <= 3; p++) {
                String partner = "p" + p + "-" + campaign.code;
                partners.registerPartner(new PartnerRequest().code(partner).name("Partner " + p), null);
                for (int f = 1; f <= 2; f++) {
                    UUID id = partners.addFacilitator(partner, new FacilitatorRequest().displayName("Facilitator " + f)
                            .contactEmail("f" + f + "@" + partner + ".example"), null).getId();
                    campaign.facilitators.add(new String[]{partner, id.toString()});
                }
            }
        } catch (fr.antiharcelement.client.workshop.ApiException e) {
            throw new AssertionError("defining the campaign: " + e.getCode() + " " + e.getResponseBody(), e);
        }
        for (int s = 0; s < schools; s++) {
            String uai = campaign.registerSchool();
            campaign.scheduleOnceKnown(uai);
            synchronized (campaign) {
                campaign.knownSchools.add(uai);
            }
        }
        return campaign;
    }

    /** Registers a new collège in school-service (201); workshop-service learns of it through school-events. */
    String registerSchool() {
        String digits = String.format("07%05d", SCHOOL_NUMBERS.incrementAndGet());
        String uai = digits + "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(Integer.parseInt(digits) % 23);
        try {
            new SchoolsApi(GeneratedClients.school(system.school, TestTokens.admin())).registerSchool(new SchoolRequest().uai(uai)
                    .name("Collège " + uai).type(SchoolType.COLLEGE).sector(Sector.PUBLIC).communeCode("35238").communeName("Rennes")
                    .postalCode("35000").departmentCode("035").pupils(500), null);
        } catch (fr.antiharcelement.client.school.ApiException e) {
            throw new AssertionError("registering " + uai + ": " + e.getCode() + " " + e.getResponseBody(), e);
        }
        return uai;
    }

    /** A school of the campaign that workshop-service already knows, chosen by {@code n}. */
    synchronized String knownSchool(int n) {
        return knownSchools.get(Math.floorMod(n, knownSchools.size()));
    }

    /** Schedules a workshop in a school workshop-service knows; it must answer 201. */
    Workshop schedule(String school, boolean students) {
        Response response = postWorkshop(school, students);
        assertThat(response.statusCode()).as("scheduling in %s: %s", school, response.asString()).isEqualTo(201);
        return remember(response, school, students);
    }

    /** Schedules a students workshop in a school just registered, retrying while its event is on the way. */
    Workshop scheduleOnceKnown(String school) {
        Response created = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> postWorkshop(school, true), response -> {
                    if (response.statusCode() == 422 && response.asString().contains("not known to the school directory")) {
                        return false;
                    }
                    assertThat(response.statusCode()).as("scheduling in %s: %s", school, response.asString()).isEqualTo(201);
                    return true;
                });
        return remember(created, school, true);
    }

    /** Records the headcount of a workshop that took place; it must answer 200. */
    void complete(Workshop workshop, int attendees) {
        system.asAdmin(system.anyWorkshop()).body(Map.of("attendees", attendees))
                .post("/api/v1/workshops/" + workshop.id + "/completion").then().statusCode(200);
        workshop.attendees = attendees;
    }

    /** The totals that must follow from what this fixture did, computed without the services. */
    synchronized Totals expected() {
        long[] sums = new long[5];
        Set<String> reached = new HashSet<>();
        for (Workshop w : workshops) {
            if (w.attendees == null) {
                sums[4]++;
            } else {
                sums[w.students ? 0 : 1] += w.attendees;
                sums[w.students ? 2 : 3]++;
                reached.add(w.school);
            }
        }
        return new Totals(sums[0], sums[1], sums[2], sums[3], sums[4], reached.size());
    }

    /** reach-service's totals for this campaign now. */
    Totals reach() {
        return reach(system.reach);
    }

    /** The totals one reach-service instance answers for this campaign now. */
    Totals reach(ChildService instance) {
        CampaignReach summary;
        try {
            summary = new ReachApi(GeneratedClients.reach(instance, TestTokens.viewer())).getReachSummary(code, null, null);
        } catch (fr.antiharcelement.client.reach.ApiException e) {
            throw new AssertionError("reach's summary of " + code + ": " + e.getCode() + " " + e.getResponseBody(), e);
        }
        var totals = summary.getTotals();
        return new Totals(totals.getStudentsSensitised(), totals.getParentsSensitised(), totals.getStudentWorkshopsDelivered(),
                totals.getParentWorkshopsDelivered(), totals.getWorkshopsScheduled(), totals.getSchoolsReached());
    }

    /** Waits until reach-service's totals equal the expected ones; returns how long that took. */
    Duration awaitReachTotals(Duration atMost) {
        return awaitReachTotals(atMost, system.reach);
    }

    /** The same for each of the given reach-service instances: each must answer the expected totals. */
    Duration awaitReachTotals(Duration atMost, ChildService... instances) {
        long start = System.nanoTime();
        Totals expected = expected();
        for (ChildService instance : instances) {
            await().atMost(atMost).pollInterval(Duration.ofMillis(250))
                    .untilAsserted(() -> assertThat(reach(instance)).as("totals of reach on port %d", instance.port()).isEqualTo(expected));
        }
        return Duration.ofNanos(System.nanoTime() - start);
    }

    /** reach-service's audit finds no total that differs from its contributions, and no event was dead-lettered. */
    void assertReachAuditClean() {
        system.asAdmin(system.reach).get("/api/v1/reach/campaigns/" + code + "/audit")
                .then().statusCode(200).body("differences.size()", equalTo(0));
        system.asAdmin(system.reach).get("/api/v1/reach/dead-letters").then().statusCode(200).body("size()", equalTo(0));
    }

    synchronized int workshopCount() {
        return workshops.size();
    }

    /**
     * A scheduling request with its Idempotency-Key, as a client keeps it until it gets an answer: sent again after
     * a failure (a crash, a timeout), it either creates the workshop or replays the answer of the attempt that did.
     */
    record Scheduling(String key, String school, boolean students, Map<String, Object> body) {
    }

    Scheduling scheduling(String school, boolean students) {
        return new Scheduling(UUID.randomUUID().toString(), school, students, workshopBody(school, students));
    }

    /** Sends the request once; the workshop when it was answered 201 (created, or replayed). */
    java.util.Optional<Workshop> send(Scheduling scheduling) {
        Response response = system.asAdmin(system.anyWorkshop()).header("Idempotency-Key", scheduling.key())
                .body(scheduling.body()).post("/api/v1/workshops");
        return response.statusCode() == 201
                ? java.util.Optional.of(remember(response, scheduling.school(), scheduling.students())) : java.util.Optional.empty();
    }

    /** Records a headcount under an Idempotency-Key; true once answered 200 (done now, or replayed). */
    boolean complete(Workshop workshop, int attendees, String key) {
        int status = system.asAdmin(system.anyWorkshop()).header("Idempotency-Key", key).body(Map.of("attendees", attendees))
                .post("/api/v1/workshops/" + workshop.id + "/completion").statusCode();
        if (status == 200) {
            workshop.attendees = attendees;
        }
        return status == 200;
    }

    private Response postWorkshop(String school, boolean students) {
        return system.asAdmin(system.anyWorkshop()).body(workshopBody(school, students)).post("/api/v1/workshops");
    }

    private Map<String, Object> workshopBody(String school, boolean students) {
        int slot = slots.getAndIncrement();
        String[] facilitator = facilitators.get(slot % facilitators.size());
        int turn = slot / facilitators.size(); // each facilitator's workshops follow each other: never double-booked
        ZonedDateTime start = ZonedDateTime.of(FIRST_DAY.plusDays(turn / 4), LocalTime.of(8 + 2 * (turn % 4), 0), CampaignTime.ZONE);
        Map<String, Object> body = new HashMap<>();
        body.put("campaignCode", code);
        body.put("schoolUai", school);
        body.put("partnerCode", facilitator[0]);
        body.put("facilitatorId", facilitator[1]);
        body.put("audience", students ? "STUDENTS" : "PARENTS");
        body.put("startsAt", start.toOffsetDateTime().toString());
        body.put("endsAt", start.plusMinutes(90).toOffsetDateTime().toString());
        body.put("capacity", 35); // the tests' headcounts go up to 34, never above the seats
        return body;
    }

    /** Remembers a workshop once, however many times its creation was answered (a replay answers the same id). */
    private synchronized Workshop remember(Response created, String school, boolean students) {
        String id = created.path("id");
        for (Workshop known : workshops) {
            if (known.id.equals(id)) {
                return known;
            }
        }
        Workshop workshop = new Workshop(id, school, students);
        workshops.add(workshop);
        return workshop;
    }
}
