package fr.antiharcelement.workshop;

import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.workshop.domain.SchoolReplica;
import fr.antiharcelement.workshop.domain.SchoolReplicaStore;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;

/**
 * A small world for workshop tests, unique per call so that tests sharing one database never collide: a
 * campaign over the 2021-2022 school year, two partners with a facilitator each, open and closed schools.
 */
public final class Fixtures {

    /** Handed out in turn from a random start: random picks collide once a test has made many schools. */
    private static final AtomicInteger NEXT_SCHOOL = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    public final String campaign = "test-" + UUID.randomUUID().toString().substring(0, 8);
    public final String partnerA = "pa-" + UUID.randomUUID().toString().substring(0, 8);
    public final String partnerB = "pb-" + UUID.randomUUID().toString().substring(0, 8);
    public final String facilitatorA;
    public final String facilitatorB;
    public final String school = school("OPEN");
    public final String otherSchool = school("OPEN");
    public final String closedSchool = school("CLOSED");

    public Fixtures() {
        admin().body(Map.of("code", campaign, "name", "Campagne de test", "startsOn", "2021-09-01", "endsOn", "2022-06-30",
                        "targets", Map.of("studentsSensitised", 70000, "studentWorkshops", 1800, "parentWorkshops", 200, "schools", 300)))
                .post("/api/v1/campaigns").then().statusCode(201);
        admin().body(Map.of("code", partnerA, "name", "Partenaire A")).post("/api/v1/partners").then().statusCode(201);
        admin().body(Map.of("code", partnerB, "name", "Partenaire B")).post("/api/v1/partners").then().statusCode(201);
        facilitatorA = facilitator(partnerA, "Alex Martin");
        facilitatorB = facilitator(partnerB, "Sam Bernard");
    }

    public static RequestSpecification admin() {
        return as(TestTokens.admin());
    }

    public static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    public String facilitator(String partner, String name) {
        return admin().body(Map.of("displayName", name, "contactEmail", name.toLowerCase().replace(' ', '.') + "@partner.example"))
                .post("/api/v1/partners/" + partner + "/facilitators").then().statusCode(201).extract().path("id");
    }

    /** A students workshop of partner A at {@code school}, on 16 November 2021 from 10:00 to 12:00 Paris time. */
    public Map<String, Object> workshop() {
        return workshop("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00");
    }

    public Map<String, Object> workshop(String startsAt, String endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("campaignCode", campaign);
        body.put("schoolUai", school);
        body.put("partnerCode", partnerA);
        body.put("facilitatorId", facilitatorA);
        body.put("audience", "STUDENTS");
        body.put("classLevel", "CINQUIEME");
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        return body;
    }

    public String schedule(Map<String, Object> body) {
        return admin().body(body).post("/api/v1/workshops").then().statusCode(201).extract().path("id");
    }

    /** A collège as workshop-service's replica knows it (school-events feed it in production). */
    public static String school(String status) {
        return school(status, "COLLEGE");
    }

    /** A school of {@code type} ({@code LYCEE}...) as workshop-service's replica knows it. */
    public static String school(String status, String type) {
        String digits = "07" + String.format("%05d", Math.floorMod(NEXT_SCHOOL.getAndIncrement(), 100_000));
        String uai = digits + "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(Integer.parseInt(digits) % 23);
        QuarkusTransaction.requiringNew().run(() -> {
            SchoolReplica school = new SchoolReplica();
            school.uai = uai;
            school.name = "Collège " + uai;
            school.academyCode = "14";
            school.status = status;
            school.schoolType = type;
            school.version = 1;
            Arc.container().instance(SchoolReplicaStore.class).get().put(school);
        });
        return uai;
    }
}
