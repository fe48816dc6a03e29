package fr.antiharcelement.workshop.api;

import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.workshop.Fixtures;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static fr.antiharcelement.workshop.Fixtures.admin;
import static fr.antiharcelement.workshop.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** A partner's planning uploaded whole, as a spreadsheet (CSV) or a JSON array, and uploaded again after changes. */
@QuarkusTest
class WorkshopImportApiTest {

    private static final String HEADER = "partnerReference;campaignCode;schoolUai;facilitatorId;audience;classLevel;startsAt;endsAt;"
            + "status;attendees;reasonCode\n";

    private Fixtures world;

    @BeforeEach
    void newWorld() {
        world = new Fixtures();
    }

    @Test
    void aSpreadsheetCreatesItsWorkshopsReportsBadRowsByLineAndChangesNothingTheSecondTime() {
        String csv = "\uFEFF" + HEADER
                + row("R-1", "2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00", "SCHEDULED", "", "")
                + row("R-2", "2021-11-17T10:00:00+01:00", "2021-11-17T12:00:00+01:00", "COMPLETED", "24", "")
                + row("R-3", "2021-11-18T10:00:00+01:00", "yesterday", "SCHEDULED", "", "")
                + row("R-4", "2022-07-04T10:00:00+02:00", "2022-07-04T12:00:00+02:00", "SCHEDULED", "", "")
                + row("R-5", "2021-11-19T10:00:00+01:00", "2021-11-19T12:00:00+01:00", "CANCELLED", "", "SCHOOL_CLOSED")
                + row("R-1", "2021-11-20T10:00:00+01:00", "2021-11-20T12:00:00+01:00", "SCHEDULED", "", "");

        JsonPath first = upload(TestTokens.partner(world.partnerA), csv);
        assertThat(List.of(first.getInt("created"), first.getInt("updated"), first.getInt("unchanged"), first.getInt("rejectedCount")))
                .as("created, updated, unchanged, rejected").containsExactly(3, 0, 0, 3);
        assertThat(first.getList("rejected.line", Integer.class)).containsExactly(4, 5, 7);
        assertThat(first.getString("rejected[0].errors[0]")).startsWith("endsAt: must be an ISO-8601 date-time");
        assertThat(first.getString("rejected[1].errors[0]")).contains("outside campaign");
        assertThat(first.getString("rejected[2].errors[0]")).contains("already on line 2");

        assertThat(byReference("R-2")).containsEntry("status", "COMPLETED").containsEntry("attendees", 24);
        assertThat(byReference("R-5")).containsEntry("status", "CANCELLED").containsEntry("cancellationReasonCode", "SCHOOL_CLOSED");
        assertThat(byReference("R-1")).containsEntry("status", "SCHEDULED").containsEntry("startsAt", "2021-11-16T10:00:00+01:00");

        JsonPath second = upload(TestTokens.partner(world.partnerA), csv);
        assertThat(List.of(second.getInt("created"), second.getInt("updated"), second.getInt("unchanged"), second.getInt("rejectedCount")))
                .as("the same file again").containsExactly(0, 0, 3, 3);
        assertThat(byReference("R-2")).containsEntry("version", 2);
    }

    @Test
    void changedRowsGoThroughTheSameStepsAsOneByOneAndARowBreakingARuleChangesNothing() {
        upload(TestTokens.partner(world.partnerA), HEADER
                + row("C-1", "2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00", "SCHEDULED", "", "")
                + row("C-2", "2021-11-17T10:00:00+01:00", "2021-11-17T12:00:00+01:00", "SCHEDULED", "", "")
                + row("C-3", "2021-11-18T10:00:00+01:00", "2021-11-18T12:00:00+01:00", "COMPLETED", "20", "")
                + row("C-4", "2021-11-19T10:00:00+01:00", "2021-11-19T12:00:00+01:00", "COMPLETED", "20", ""));

        JsonPath changes = upload(TestTokens.partner(world.partnerA), HEADER
                + row("C-1", "2021-11-16T14:00:00+01:00", "2021-11-16T16:00:00+01:00", "COMPLETED", "27", "")
                + row("C-2", "2021-11-17T10:00:00+01:00", "2021-11-17T12:00:00+01:00", "CANCELLED", "", "SCHOOL_CLOSED")
                + row("C-3", "2021-11-18T10:00:00+01:00", "2021-11-18T12:00:00+01:00", "COMPLETED", "22", "HEADCOUNT_RECOUNTED")
                + row("C-4", "2021-11-19T10:00:00+01:00", "2021-11-19T12:00:00+01:00", "COMPLETED", "25", "")
                + row("C-5", "2021-11-16T15:00:00+01:00", "2021-11-16T17:00:00+01:00", "SCHEDULED", "", ""));
        assertThat(List.of(changes.getInt("created"), changes.getInt("updated"), changes.getInt("unchanged"))).containsExactly(0, 3, 0);
        assertThat(changes.getList("rejected.line", Integer.class)).containsExactly(5, 6);
        assertThat(changes.getString("rejected[0].errors[0]")).contains("needs a reasonCode");
        assertThat(changes.getString("rejected[1].errors[0]")).contains("already booked");

        Map<String, Object> rescheduledAndCompleted = byReference("C-1");
        assertThat(rescheduledAndCompleted).containsEntry("startsAt", "2021-11-16T14:00:00+01:00").containsEntry("status", "COMPLETED")
                .containsEntry("attendees", 27).containsEntry("version", 3);
        List<String> actions = admin().get("/api/v1/workshops/" + rescheduledAndCompleted.get("id") + "/history").then().extract().path("action");
        assertThat(actions).containsExactly("scheduled", "rescheduled", "completed");
        assertThat(byReference("C-2")).containsEntry("status", "CANCELLED");
        assertThat(byReference("C-3")).containsEntry("attendees", 22);
        assertThat(byReference("C-4")).as("refused: nothing changed").containsEntry("attendees", 20).containsEntry("version", 2);
    }

    @Test
    void aJsonArrayUploadsTooAndAPartnerUploadsForItselfOnly() {
        Map<String, Object> own = world.workshop();
        own.put("partnerReference", "J-1");
        Map<String, Object> other = world.workshop("2021-11-17T10:00:00+01:00", "2021-11-17T12:00:00+01:00");
        other.putAll(Map.of("partnerReference", "J-2", "partnerCode", world.partnerB, "facilitatorId", world.facilitatorB));
        JsonPath report = as(TestTokens.partner(world.partnerA)).body(List.of(own, other, "not a row")).post("/api/v1/workshops/imports")
                .then().statusCode(200).extract().jsonPath();
        assertThat(report.getInt("created")).isEqualTo(1);
        assertThat(report.getList("rejected.line", Integer.class)).containsExactly(2, 3);
        assertThat(report.getString("rejected[0].errors[0]")).contains("cannot act for partner " + world.partnerB);

        Map<String, Object> noPartner = world.workshop("2021-11-19T10:00:00+01:00", "2021-11-19T12:00:00+01:00");
        noPartner.remove("partnerCode");
        noPartner.put("partnerReference", "J-3");
        admin().body(List.of(noPartner)).post("/api/v1/workshops/imports").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].message", containsString("line 1: partnerCode: is required"));
        admin().queryParam("partner", world.partnerA).body(List.of(noPartner)).post("/api/v1/workshops/imports").then().statusCode(200)
                .body("created", equalTo(1));
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWholeWithAProblem() {
        String token = TestTokens.partner(world.partnerA);
        given().auth().oauth2(token).contentType("text/csv").body("reference;campaignCode\nR-1;x\n").post("/api/v1/workshops/imports")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].message", containsString("unknown"));
        given().auth().oauth2(token).contentType("text/csv").body(new byte[]{'a', (byte) 0xC3, '\n'}).post("/api/v1/workshops/imports")
                .then().statusCode(400).body("errors[0].message", containsString("UTF-8"));
        given().auth().oauth2(token).contentType("application/json").body("{\"partnerReference\":\"x\"}").post("/api/v1/workshops/imports")
                .then().statusCode(400).body("errors[0].message", containsString("JSON array"));
        given().auth().oauth2(token).contentType("application/xml").body("<a/>").post("/api/v1/workshops/imports").then().statusCode(415);
    }

    /** A whole campaign's planning, 2,000 rows over ten facilitators, uploaded in one request, then again unchanged. */
    @Test
    void aWholeCampaignOf2000RowsUploadsInOneRequestWithinSeconds() {
        List<String> facilitators = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            facilitators.add(world.facilitator(world.partnerA, "Animateur " + i));
        }
        StringBuilder csv = new StringBuilder("partnerReference,campaignCode,schoolUai,facilitatorId,audience,classLevel,startsAt,endsAt\n");
        for (int i = 0; i < 2_000; i++) {
            LocalDate day = LocalDate.of(2021, 9, 6).plusDays((i / 10) % 290);
            int hour = 8 + 2 * ((i / 10) / 290);
            csv.append("CAMP-").append(i).append(',').append(world.campaign).append(',').append(world.school).append(',')
                    .append(facilitators.get(i % 10)).append(",STUDENTS,SIXIEME,")
                    .append(day).append('T').append(String.format("%02d", hour)).append(":00:00+02:00,")
                    .append(day).append('T').append(String.format("%02d", hour + 1)).append(":30:00+02:00\n");
        }
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        JsonPath first = upload(TestTokens.partner(world.partnerA), body);
        long firstMillis = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        JsonPath second = upload(TestTokens.partner(world.partnerA), body);
        long secondMillis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("Bulk upload of 2,000 rows (%d KB): %d ms; the same again (all unchanged): %d ms%n", body.length / 1024,
                firstMillis, secondMillis);

        assertThat(first.getInt("created")).as(first.prettify()).isEqualTo(2_000);
        assertThat(second.getInt("unchanged")).isEqualTo(2_000);
        assertThat(firstMillis).as("a campaign's upload, even on a loaded build machine").isLessThan(90_000);
        admin().queryParams(Map.of("campaign", world.campaign, "size", 1)).get("/api/v1/workshops").then().body("totalItems", equalTo(2_000));
    }

    private String row(String reference, String startsAt, String endsAt, String status, String attendees, String reasonCode) {
        return String.join(";", reference, world.campaign, world.school, world.facilitatorA, "STUDENTS", "CINQUIEME", startsAt, endsAt,
                status, attendees, reasonCode) + "\n";
    }

    private static JsonPath upload(String token, String csv) {
        return upload(token, csv.getBytes(StandardCharsets.UTF_8));
    }

    private static JsonPath upload(String token, byte[] csv) {
        // A whole campaign on a busy build machine may take longer than the client's default read timeout.
        return given().config(RestAssured.config().httpClient(HttpClientConfig.httpClientConfig().setParam("http.socket.timeout", 120_000)))
                .auth().oauth2(token).contentType("text/csv; charset=UTF-8").body(csv).post("/api/v1/workshops/imports")
                .then().statusCode(200).extract().jsonPath();
    }

    private Map<String, Object> byReference(String reference) {
        List<Map<String, Object>> items = as(TestTokens.partner(world.partnerA)).queryParam("partnerReference", reference)
                .get("/api/v1/workshops").then().statusCode(200).extract().path("items");
        assertThat(items).as("workshops with reference " + reference).hasSize(1);
        return items.get(0);
    }
}
