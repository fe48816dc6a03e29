package fr.antiharcelement.school.api;

import fr.antiharcelement.infra.testing.AccessMatrix;
import fr.antiharcelement.infra.testing.AccessMatrixContract;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.school.TestSchools;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;

import java.util.HashMap;
import java.util.Map;

import static fr.antiharcelement.infra.testing.AccessMatrix.Access.allowedFor;
import static fr.antiharcelement.infra.testing.AccessMatrix.Access.everyRole;
import static fr.antiharcelement.infra.testing.AccessMatrix.Caller.ADMIN;
import static io.restassured.RestAssured.given;

/** Who may call each endpoint of school-service: schools are read by everyone and changed by campaign staff only. */
@QuarkusTest
class AccessMatrixTest extends AccessMatrixContract {

    private AccessMatrix matrix;

    @BeforeEach
    void declareTheMatrix() {
        String school = TestSchools.newUai();
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body(TestSchools.college(school, "Collège Kerichen"))
                .post("/api/v1/schools").then().statusCode(201);

        matrix = new AccessMatrix("partner-a", "partner-b")
                .expect("GET /api/v1/me", everyRole().succeedingWith(200), request -> request.get("/api/v1/me"))
                .expect("GET /api/v1/outbox/parked", allowedFor(ADMIN).succeedingWith(200),
                        request -> request.get("/api/v1/outbox/parked"))
                .expect("GET /api/v1/academies", everyRole().succeedingWith(200), request -> request.get("/api/v1/academies"))
                .expect("GET /api/v1/schools", everyRole().succeedingWith(200),
                        request -> request.queryParam("department", "029").get("/api/v1/schools"))
                .expect("GET /api/v1/schools/{uai}", everyRole().succeedingWith(200),
                        request -> request.get("/api/v1/schools/" + school))
                .expect("POST /api/v1/schools", allowedFor(ADMIN).succeedingWith(201),
                        request -> request.body(TestSchools.college(TestSchools.newUai(), "Collège du Vizac")).post("/api/v1/schools"))
                .expect("PUT /api/v1/schools/{uai}", allowedFor(ADMIN).succeedingWith(200),
                        request -> request.header("If-Match", currentVersion(school)).body(renamed(school))
                                .put("/api/v1/schools/" + school))
                .expect("POST /api/v1/schools/imports", allowedFor(ADMIN).succeedingWith(200),
                        request -> request.contentType("text/csv").body(TestSchools.annuaireCsv(TestSchools.newUai()))
                                .post("/api/v1/schools/imports"));
    }

    @Override
    protected AccessMatrix matrix() {
        return matrix;
    }

    private static String currentVersion(String uai) {
        return given().auth().oauth2(TestTokens.admin()).get("/api/v1/schools/" + uai).then().statusCode(200).extract().header("ETag");
    }

    private static Map<String, Object> renamed(String uai) {
        Map<String, Object> body = new HashMap<>(TestSchools.college(uai, "Collège Kerichen"));
        body.put("pupils", 541);
        return body;
    }
}
