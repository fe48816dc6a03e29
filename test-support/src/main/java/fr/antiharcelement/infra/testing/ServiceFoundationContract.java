package fr.antiharcelement.infra.testing;

import fr.antiharcelement.infra.security.TokenMinter;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

/**
 * What every service promises its operators and integrators, checked the same way in each: readiness that
 * checks PostgreSQL (what a request needs) and a health group of its own for Kafka, open OpenAPI, health and metrics, and bearer tokens refused with
 * problem+json saying why when missing, expired, forged, for another audience, too old, of a role not ours, or a
 * partner's naming no partner.
 */
public abstract class ServiceFoundationContract {

    private static final String PROTECTED_PATH = "/api/v1/me";

    /** A request only an admin may make on this service: method and path, e.g. {@code POST /api/v1/schools}. */
    protected abstract String adminOnlyRequest();

    @Test
    void readinessIsUpAndChecksPostgresqlButNotKafka() {
        given().when().get("/q/health/ready")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Database connections health check"))
                .body("checks.name", not(hasItem("Kafka broker")));
    }

    @Test
    void kafkaHasAHealthGroupOfItsOwnThatSaysTheBrokerAnswers() {
        given().when().get("/q/health/group/kafka")
                .then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'Kafka broker' }.data.clusterId", notNullValue());
    }

    @Test
    void openApiDocumentAndSwaggerUiAreServedWithoutAToken() {
        given().accept(ContentType.JSON).when().get("/q/openapi?format=json")
                .then().statusCode(200).body("openapi", startsWith("3."));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void prometheusMetricsAreServedWithoutAToken() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }

    @Test
    void aRequestWithoutTokenIsRefusedWith401ProblemAndABearerChallenge() {
        given().when().get(PROTECTED_PATH)
                .then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                .body("detail", startsWith("No bearer token"))
                .header("WWW-Authenticate", equalTo("Bearer realm=\"antiharcelement-api\""));
    }

    @Test
    void anExpiredTokenIsRefusedSayingWhenItExpired() {
        refusedSaying(TestTokens.expired(TokenMinter.ADMIN), "Expired at ");
    }

    @Test
    void aTokenSignedByAnUnknownKeyIsRefusedForItsSignature() {
        refusedSaying(TestTokens.signedByStranger(), "Bad signature");
    }

    @Test
    void aTokenForAnotherAudienceIsRefused() {
        refusedSaying(TestTokens.forAnotherAudience(), "Wrong audience");
    }

    @Test
    void aTokenOlderThanTheMaximumAgeIsRefusedThoughUnexpired() {
        refusedSaying(TestTokens.issuedAgo(Duration.ofHours(13)), "Too old");
        given().auth().oauth2(TestTokens.issuedAgo(Duration.ofHours(11))).when().get(PROTECTED_PATH).then().statusCode(200);
    }

    /**
     * A token is verified once, then trusted from memory while it is valid (api-commons' {@code VerifiedTokens}):
     * the second request with it is a cache hit, and a token whose claims were changed after it was accepted is
     * still refused for its signature, the memory being keyed by the token's whole text.
     */
    @Test
    void aTokenIsVerifiedOnceAndATamperedCopyIsStillRefused() {
        String token = TestTokens.viewer();
        double hitsBefore = verifiedTokenHits();
        given().auth().oauth2(token).when().get(PROTECTED_PATH).then().statusCode(200);
        given().auth().oauth2(token).when().get(PROTECTED_PATH).then().statusCode(200);
        assertThat(verifiedTokenHits()).as("requests answered from verified tokens").isGreaterThanOrEqualTo(hitsBefore + 1);

        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String promoted = claims.replace(TokenMinter.VIEWER, TokenMinter.ADMIN);
        assertThat(promoted).isNotEqualTo(claims);
        String tampered = parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(promoted.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
        refusedSaying(tampered, "Bad signature");
    }

    private static double verifiedTokenHits() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines()
                .filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"verified_tokens\"")
                        && line.contains("result=\"hit\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no cache_gets_total hit line for verified_tokens in /q/metrics"));
    }

    /** A role another application names {@code admin} grants nothing here: the roles are namespaced. */
    @Test
    void aBareAdminRoleIsNotAnAdmin() {
        given().auth().oauth2(TestTokens.withRoles("staff@another-app", "admin", "partner", "viewer")).when().get(PROTECTED_PATH)
                .then().statusCode(403).contentType("application/problem+json");
    }

    /** An identity provider's own role name, mapped by configuration (quarkus.http.auth.roles-mapping), is the admin role. */
    @Test
    void aRoleMappedFromTheIdentityProvidersNameGrantsTheCampaignRole() {
        given().auth().oauth2(TestTokens.withRoles("staff@idp", TestTokens.IDP_STAFF_ROLE)).when().get(PROTECTED_PATH)
                .then().statusCode(200).body("roles", hasItem(TokenMinter.ADMIN));
    }

    @Test
    void aPartnerTokenThatNamesNoPartnerIsRefused() {
        given().auth().oauth2(TestTokens.partnerWithoutClaim()).when().get(PROTECTED_PATH)
                .then().statusCode(403).contentType("application/problem+json").body("detail", containsString("names no partner"));
    }

    @Test
    void aViewerIsForbiddenAnAdminEndpointWith403Problem() {
        String[] request = adminOnlyRequest().split(" ", 2);
        given().auth().oauth2(TestTokens.viewer()).contentType(ContentType.JSON).body("{}")
                .when().request(request[0], request[1])
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
    }

    @Test
    void aValidTokenTellsItsSubjectRolesAndPartner() {
        given().auth().oauth2(TestTokens.partner("e-enfance")).when().get(PROTECTED_PATH)
                .then().statusCode(200)
                .body("roles", hasItems(TokenMinter.PARTNER))
                .body("partnerCode", equalTo("e-enfance"))
                .body("subject", equalTo("integration@e-enfance"));
    }

    /**
     * Writes beyond a token subject's budget (3 for the tests' probe subjects, then one every 20 s) get a 429 problem
     * with Retry-After, whatever they would have got otherwise; reads are not budgeted, and another subject's budget is
     * its own. {@code write} is {@code METHOD /path} of an admin's write, sent with an empty JSON body.
     */
    protected static void assertWritesBeyondASubjectsBudgetAreRefused(String write) {
        String[] request = write.split(" ", 2);
        String probe = TestTokens.adminAs(TestTokens.BUDGET_PROBE);
        for (int i = 0; i < 3; i++) {
            assertThat(given().auth().oauth2(probe).contentType(ContentType.JSON).body("{}").request(request[0], request[1]).statusCode())
                    .as("write %d of a budget of 3", i + 1).isNotEqualTo(429);
        }
        given().auth().oauth2(probe).contentType(ContentType.JSON).body("{}").when().request(request[0], request[1])
                .then().statusCode(429).contentType("application/problem+json").body("status", equalTo(429))
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.both(greaterThanOrEqualTo(1)).and(lessThanOrEqualTo(20)));
        given().auth().oauth2(probe).when().get(PROTECTED_PATH).then().statusCode(200);
        String other = TestTokens.adminAs(TestTokens.OTHER_BUDGET_PROBE);
        assertThat(given().auth().oauth2(other).contentType(ContentType.JSON).body("{}").request(request[0], request[1]).statusCode())
                .as("another subject's first write").isNotEqualTo(429);
    }

    private static void refusedSaying(String token, String reason) {
        given().auth().oauth2(token).when().get(PROTECTED_PATH)
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", startsWith(reason))
                .header("WWW-Authenticate", startsWith("Bearer realm=\"antiharcelement-api\", error=\"invalid_token\", error_description=\"" + reason));
    }

    @Test
    void aMessageProducedOnTheServiceBrokerIsConsumedBack() throws Exception {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        String topic = "foundation-" + UUID.randomUUID();
        String payload = "{\"hello\":\"" + UUID.randomUUID() + "\"}";
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, "key-1", payload)).get();
        }
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            Instant deadline = Instant.now().plusSeconds(30);
            while (received.isEmpty() && Instant.now().isBefore(deadline)) {
                consumer.poll(Duration.ofMillis(500)).forEach(received::add);
            }
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("key-1");
                assertThat(record.value()).isEqualTo(payload);
            });
        }
    }
}
