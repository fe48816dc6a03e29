package fr.antiharcelement.school.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.api.problem.Problem;
import fr.antiharcelement.infra.testing.OpenApiDocument;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.infra.testing.fuzz.BadInputFuzzer;
import fr.antiharcelement.infra.testing.fuzz.FuzzTarget;
import fr.antiharcelement.infra.testing.fuzz.StoredState;
import fr.antiharcelement.school.TestSchools;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Thousands of requests generated from school-service's OpenAPI document, most of them spoilt on purpose. */
@QuarkusTest
class BadInputFuzzTest {

    private static final String IMPORT = "POST /api/v1/schools/imports";

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void badInputIsRefusedWithAProblemAndStoresNothing() {
        String school = TestSchools.newUai();
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(TestSchools.college(school, "Collège de Kerhallet"))
                .post("/api/v1/schools").then().statusCode(201);

        FuzzTarget target = FuzzTarget.of(OpenApiDocument.ofServiceUnderTest())
                .validValues((operation, name) -> switch (name) {
                    case "uai" -> operation.method().equals("POST") ? TestSchools.newUai() : school;
                    case "If-Match" -> given().auth().oauth2(TestTokens.admin()).get("/api/v1/schools/" + school).header("ETag");
                    case "departmentCode" -> "029";
                    case "academyCode" -> "14";
                    case "regionCode" -> "53";
                    case "communeCode" -> "29019";
                    case "postalCode" -> "29200";
                    case "types" -> "COLLEGE,LYCEE";
                    default -> null;
                })
                .validRawBodies(operation -> TestSchools.annuaireCsv(TestSchools.newUai(), TestSchools.newUai())
                        .getBytes(StandardCharsets.UTF_8))
                .bodyLimits(operation -> operation.key().equals(IMPORT) ? 200L * 1024 * 1024 : 64L * 1024);

        try (StoredState stored = new StoredState(jdbcUrl, Map.of(
                "schools", "select count(*) from school",
                "school versions", "select coalesce(sum(version), 0) from school"))) {
            BadInputFuzzer.FuzzReport report = new BadInputFuzzer(target, stored, 20211101L).run(BadInputFuzzer.requests()).assertHeld();
            assertThat(report.count("POST /api/v1/schools", 201)).as("valid registrations accepted").isPositive();
        }
    }

    @Test
    void anAnnuaireOverTheImportLimitIsRefusedWithAProblemBeforeItsBodyIsSent() throws IOException {
        long overTheLimit = 200L * 1024 * 1024 + 1;
        // Expect: 100-continue makes the client wait for the server's go-ahead: the 413 comes before any byte of the body.
        String response = rawExchange("POST /api/v1/schools/imports HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + TestTokens.admin() + "\r\nContent-Type: text/csv\r\nContent-Length: " + overTheLimit
                + "\r\nExpect: 100-continue\r\n\r\n");
        assertThat(response).startsWith("HTTP/1.1 413").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":413");
    }

    @Test
    void aJsonBodyStreamedInChunksPastTheLimitIsRefusedWithAProblem() throws Exception {
        HttpResponse<String> response = postInChunks("/api/v1/schools", "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue(Problem.MEDIA_TYPE);
        assertThat(response.body()).contains("\"status\":413", "65536 bytes");
    }

    @Test
    void aJsonBodyStreamedInChunksWithinTheLimitIsRead() throws Exception {
        String uai = TestSchools.newUai();
        HttpResponse<String> response = postInChunks("/api/v1/schools",
                objectMapper.writeValueAsString(TestSchools.college(uai, "Collège Anne de Bretagne")));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        given().auth().oauth2(TestTokens.admin()).get("/api/v1/schools/" + uai).then().statusCode(200);
    }

    /** POSTs a JSON body without a declared length: HttpClient sends a stream of unknown length in chunks. */
    private static HttpResponse<String> postInChunks(String path, String json) throws IOException, InterruptedException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(
                HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                        .header("Authorization", "Bearer " + TestTokens.admin()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a request head and reads the response's head and body (the server may keep the connection open). */
    private static String rawExchange(String requestHead) throws IOException {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(requestHead.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                head.write(in.read());
            }
            String headText = head.toString(StandardCharsets.ISO_8859_1);
            int length = headText.lines().filter(line -> line.toLowerCase().startsWith("content-length:"))
                    .map(line -> Integer.parseInt(line.substring(15).trim())).findFirst().orElse(0);
            return headText + new String(in.readNBytes(length), StandardCharsets.UTF_8);
        }
    }
}
