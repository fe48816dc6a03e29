package fr.antiharcelement.reach.api;

import fr.antiharcelement.infra.testing.AccessMatrix;
import fr.antiharcelement.infra.testing.AccessMatrixContract;
import fr.antiharcelement.infra.testing.EventStreams;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.reach.EventsFeed;
import fr.antiharcelement.reach.SchoolEventsFeed;
import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.UUID;

import static fr.antiharcelement.infra.testing.AccessMatrix.Access.allowedFor;
import static fr.antiharcelement.infra.testing.AccessMatrix.Access.everyRole;
import static fr.antiharcelement.infra.testing.AccessMatrix.Caller.ADMIN;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may call each endpoint of reach-service: every role reads the totals (and streams them), a partner only its own row
 * among partners; audits, dead letters and rebuilds are staff's.
 */
@QuarkusTest
class AccessMatrixTest extends AccessMatrixContract {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private AccessMatrix matrix;
    private String campaign;

    @BeforeEach
    void declareTheMatrix() {
        campaign = "acl-" + UUID.randomUUID().toString().substring(0, 8);
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.campaign(campaign, 5_000);
            // One delivered workshop of each partner: what partner A may see of partner B's is the subject of a test.
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(61), "partner-a", "STUDENTS", "2021-10-12T10:00:00+02:00",
                    "COMPLETED", 24, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(62), "partner-b", "STUDENTS", "2021-10-14T10:00:00+02:00",
                    "COMPLETED", 27, 2);
            feed.flush();
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200).body("totals.studentsSensitised", equalTo(51)));

        String reach = "/api/v1/reach/campaigns/" + campaign;
        matrix = new AccessMatrix("partner-a", "partner-b")
                .expect("GET /api/v1/me", everyRole().succeedingWith(200), request -> request.get("/api/v1/me"))
                .expect("GET /api/v1/outbox/parked", allowedFor(ADMIN).succeedingWith(200),
                        request -> request.get("/api/v1/outbox/parked"))
                .expect("GET /api/v1/reach/campaigns", everyRole().succeedingWith(200), request -> request.get("/api/v1/reach/campaigns"))
                .expect("GET /api/v1/reach/campaigns/{code}", everyRole().succeedingWith(200), request -> request.get(reach))
                .expect("GET /api/v1/reach/campaigns/{code}/breakdown", everyRole().succeedingWith(200),
                        request -> request.queryParam("by", "region").get(reach + "/breakdown"))
                .expect("GET /api/v1/reach/campaigns/{code}/timeline", everyRole().succeedingWith(200),
                        request -> request.get(reach + "/timeline"))
                .expect("GET /api/v1/reach/campaigns/{code}/stream", everyRole().succeedingWith(200),
                        request -> request.filter(EventStreams.firstEventOnly()).get(reach + "/stream"))
                .expect("GET /api/v1/reach/campaigns/{code}/completions", everyRole().succeedingWith(200),
                        request -> request.get(reach + "/completions"))
                .expect("GET /api/v1/reach/campaigns/{code}/audit", allowedFor(ADMIN).succeedingWith(200),
                        request -> request.get(reach + "/audit"))
                .expect("GET /api/v1/reach/dead-letters", allowedFor(ADMIN).succeedingWith(200),
                        request -> request.get("/api/v1/reach/dead-letters"))
                .expect("GET /api/v1/reach/rebuild", allowedFor(ADMIN).succeedingWith(200), request -> request.get("/api/v1/reach/rebuild"))
                .expect("POST /api/v1/reach/rebuild", allowedFor(ADMIN).succeedingWith(202), request -> request.post("/api/v1/reach/rebuild"));
    }

    /**
     * Partners see the campaign-wide totals, but among partners only their own row and their own completions: what
     * another association delivers is not theirs to know. Viewers and admins see every partner.
     */
    @Test
    void aPartnerSeesTheCampaignTotalsButOnlyItsOwnPartnerRowAndCompletions() {
        String reach = "/api/v1/reach/campaigns/" + campaign;
        String partnerA = TestTokens.partner("partner-a");
        given().auth().oauth2(partnerA).get(reach).then().statusCode(200).body("totals.studentsSensitised", equalTo(51));
        given().auth().oauth2(partnerA).queryParam("by", "partner").get(reach + "/breakdown").then().statusCode(200)
                .header("X-Total-Count", "1").body("key", contains("partner-a")).body("[0].studentsSensitised", equalTo(24));
        String csv = given().auth().oauth2(partnerA).accept("text/csv").queryParam("by", "partner").get(reach + "/breakdown")
                .then().statusCode(200).extract().asString();
        assertThat(csv).contains("partner-a").doesNotContain("partner-b");
        given().auth().oauth2(partnerA).get(reach + "/completions").then().statusCode(200).body("partnerCode", contains("partner-a"));

        given().auth().oauth2(TestTokens.viewer()).queryParam("by", "partner").get(reach + "/breakdown").then().statusCode(200)
                .body("key", containsInAnyOrder("partner-a", "partner-b"));
        given().auth().oauth2(TestTokens.viewer()).get(reach + "/completions").then().statusCode(200)
                .body("partnerCode", containsInAnyOrder("partner-a", "partner-b"));
    }

    @Override
    protected AccessMatrix matrix() {
        return matrix;
    }

    /** The admin's call started a rebuild: let it finish before other tests read the projection. */
    @Override
    protected void afterTheMatrixRan() {
        await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> given().auth().oauth2(TestTokens.admin())
                .get("/api/v1/reach/rebuild").then().statusCode(200).body("state", equalTo("DONE")));
    }
}
