package fr.antiharcelement.school.api;

import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.school.TestSchools;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class SchoolApiTest {

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return as(TestTokens.admin());
    }

    private static String register(Map<String, Object> body) {
        return admin().body(body).post("/api/v1/schools").then().statusCode(201).extract().path("uai");
    }

    @Test
    void registeringASchoolAnswersWithItsLocationEtagAndGeographyNames() {
        String uai = TestSchools.newUai();

        admin().body(TestSchools.college(uai.toLowerCase(), "Collège Anne de Bretagne"))
                .post("/api/v1/schools")
                .then().statusCode(201)
                .header("Location", endsWith("/api/v1/schools/" + uai))
                .header("ETag", "\"1\"")
                .body("uai", equalTo(uai))
                .body("academyCode", equalTo("14")).body("academyName", equalTo("Rennes"))
                .body("regionCode", equalTo("53")).body("regionName", equalTo("Bretagne"))
                .body("departmentName", equalTo("Finistère"))
                .body("status", equalTo("OPEN")).body("version", equalTo(1));

        as(TestTokens.viewer()).get("/api/v1/schools/" + uai).then().statusCode(200).header("ETag", "\"1\"")
                .body("name", equalTo("Collège Anne de Bretagne"));
    }

    @Test
    void registeringAKnownUaiAgainIsAConflict() {
        String uai = register(TestSchools.college(TestSchools.newUai(), "Collège des Gayeulles"));

        admin().body(TestSchools.college(uai, "Another name")).post("/api/v1/schools")
                .then().statusCode(409).contentType("application/problem+json").body("detail", containsString(uai));
        admin().get("/api/v1/schools/" + uai).then().body("name", equalTo("Collège des Gayeulles"));
    }

    @Test
    void aUaiWithAWrongCheckLetterIsRefusedNamingTheExpectedLetter() {
        String uai = TestSchools.newUai();
        char wrong = uai.charAt(7) == 'A' ? 'B' : 'A';

        admin().body(TestSchools.college(uai.substring(0, 7) + wrong, "Collège Faux"))
                .post("/api/v1/schools")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("uai"))
                .body("errors[0].message", endsWith("expects " + uai.charAt(7)));
        admin().get("/api/v1/schools/" + uai.substring(0, 7) + wrong).then().statusCode(404);
    }

    @Test
    void missingAndMalformedFieldsAreEachListedWithWhatIsWrong() {
        admin().body(Map.of("uai", TestSchools.newUai(), "postalCode", "35 000", "pupils", -3))
                .post("/api/v1/schools")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("name", "type", "sector", "communeName", "departmentCode", "postalCode", "pupils"));
    }

    @Test
    void anUnknownFieldOrAWrongEnumValueIsA400NamingTheField() {
        Map<String, Object> body = new HashMap<>(TestSchools.college(TestSchools.newUai(), "Collège X"));
        body.put("headmasterEmail", "someone@example.org");
        admin().body(body).post("/api/v1/schools").then().statusCode(400).body("errors[0].field", equalTo("headmasterEmail"));

        body = new HashMap<>(TestSchools.college(TestSchools.newUai(), "Collège X"));
        body.put("type", "UNIVERSITY");
        admin().body(body).post("/api/v1/schools").then().statusCode(400).body("errors[0].field", equalTo("type"));
    }

    @Test
    void textADatabaseCannotStoreIsA400NamingTheField() {
        Map<String, Object> body = new HashMap<>(TestSchools.college(TestSchools.newUai(), "Coll\ud800ege"));
        admin().body(body).post("/api/v1/schools").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"));

        body = new HashMap<>(TestSchools.college(TestSchools.newUai(), "Coll\u0000ege"));
        admin().body(body).post("/api/v1/schools").then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void aDepartementOutsideTheGivenAcademyOrRegionIs422() {
        Map<String, Object> body = new HashMap<>(TestSchools.college(TestSchools.newUai(), "Collège Mal Placé"));
        body.put("academyCode", "01");
        admin().body(body).post("/api/v1/schools")
                .then().statusCode(422).contentType("application/problem+json")
                .body("detail", containsString("belongs to académie 14 (Rennes), not 01"));

        body.put("academyCode", "14");
        body.put("regionCode", "11");
        admin().body(body).post("/api/v1/schools").then().statusCode(422).body("detail", containsString("région 53"));
        admin().get("/api/v1/schools/" + body.get("uai")).then().statusCode(404);
    }

    @Test
    void anUnknownSchoolIsA404Problem() {
        admin().get("/api/v1/schools/" + TestSchools.newUai()).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void aPartnerOrViewerCannotRegisterOrChangeSchools() {
        as(TestTokens.partner("e-enfance")).body(TestSchools.college(TestSchools.newUai(), "X")).post("/api/v1/schools")
                .then().statusCode(403);
        as(TestTokens.viewer()).header("If-Match", "\"1\"").body(TestSchools.college(TestSchools.newUai(), "X"))
                .put("/api/v1/schools/" + TestSchools.newUai()).then().statusCode(403);
    }

    @Test
    void searchIgnoresCaseAndAccentsInNameAndCommune() {
        String marker = "Zq" + UUID.randomUUID().toString().substring(0, 6);
        String uai = register(TestSchools.college(TestSchools.newUai(), "Collège Saint-Éloi " + marker));

        admin().queryParam("q", "saint-eloi " + marker.toLowerCase()).get("/api/v1/schools")
                .then().statusCode(200).body("items.uai", equalTo(List.of(uai))).body("totalItems", equalTo(1));
        admin().queryParam("q", "SAINT ÉLOI " + marker.toUpperCase()).get("/api/v1/schools")
                .then().body("items.uai", equalTo(List.of(uai)));
    }

    @Test
    void searchIsSortedByNamePaginatedAndFiltered() {
        String marker = "Pg" + UUID.randomUUID().toString().substring(0, 6);
        String c = register(TestSchools.college(TestSchools.newUai(), "C " + marker));
        String a = register(TestSchools.college(TestSchools.newUai(), "A " + marker));
        Map<String, Object> lycee = new HashMap<>(TestSchools.college(TestSchools.newUai(), "B " + marker));
        lycee.put("type", "LYCEE");
        lycee.put("sector", "PRIVATE");
        String b = register(lycee);

        admin().queryParams(Map.of("q", marker, "size", 2, "page", 0)).get("/api/v1/schools")
                .then().body("items.uai", equalTo(List.of(a, b))).body("totalItems", equalTo(3)).body("totalPages", equalTo(2));
        admin().queryParams(Map.of("q", marker, "size", 2, "page", 1)).get("/api/v1/schools")
                .then().body("items.uai", equalTo(List.of(c)));
        admin().queryParams(Map.of("q", marker, "type", "COLLEGE")).get("/api/v1/schools")
                .then().body("items.uai", equalTo(List.of(a, c)));
        admin().queryParams(Map.of("q", marker, "sector", "PRIVATE", "academy", "14", "region", "53", "department", "29"))
                .get("/api/v1/schools").then().body("items.uai", equalTo(List.of(b)));
        admin().queryParams(Map.of("q", marker, "academy", "01")).get("/api/v1/schools").then().body("items", hasSize(0));
    }

    @Test
    void listParametersOutOfRangeAre400() {
        admin().queryParam("size", 0).get("/api/v1/schools").then().statusCode(400).body("errors.field", hasItem("size"));
        admin().queryParam("size", 201).get("/api/v1/schools").then().statusCode(400);
        admin().queryParam("page", -1).get("/api/v1/schools").then().statusCode(400);
        admin().queryParam("type", "CASTLE").get("/api/v1/schools").then().statusCode(400).body("errors[0].field", equalTo("type"));
    }

    @Test
    void anUpdateWithTheCurrentEtagChangesTheSchoolAndItsVersion() {
        String uai = register(TestSchools.college(TestSchools.newUai(), "Collège Avant"));
        Map<String, Object> body = new HashMap<>(TestSchools.college(uai, "Collège Après"));
        body.remove("uai");

        admin().header("If-Match", "\"1\"").body(body).put("/api/v1/schools/" + uai)
                .then().statusCode(200).header("ETag", "\"2\"").body("name", equalTo("Collège Après")).body("version", equalTo(2));
    }

    @Test
    void aStaleEtagIsRefusedWith412AndChangesNothing() {
        String uai = register(TestSchools.college(TestSchools.newUai(), "Collège Stable"));
        Map<String, Object> body = new HashMap<>(TestSchools.college(uai, "Collège Changé"));
        admin().header("If-Match", "\"1\"").body(body).put("/api/v1/schools/" + uai).then().statusCode(200);

        body.put("name", "Collège Écrasé");
        admin().header("If-Match", "\"1\"").body(body).put("/api/v1/schools/" + uai)
                .then().statusCode(412).contentType("application/problem+json").body("currentVersion", equalTo(2));
        admin().get("/api/v1/schools/" + uai).then().body("name", equalTo("Collège Changé")).header("ETag", "\"2\"");
    }

    @Test
    void anUpdateWithoutIfMatchIs428() {
        String uai = register(TestSchools.college(TestSchools.newUai(), "Collège Sans Etag"));
        admin().body(TestSchools.college(uai, "Autre")).put("/api/v1/schools/" + uai)
                .then().statusCode(428).contentType("application/problem+json");
    }

    @Test
    void anUnchangedReplacementKeepsTheVersion() {
        String uai = register(TestSchools.college(TestSchools.newUai(), "Collège Pareil"));
        admin().header("If-Match", "\"1\"").body(TestSchools.college(uai, "Collège Pareil")).put("/api/v1/schools/" + uai)
                .then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void academiesAreTheThirtyWithTheirRegionAndDepartements() {
        List<Map<String, Object>> academies = as(TestTokens.viewer()).get("/api/v1/academies")
                .then().statusCode(200).extract().path("$");

        assertThat(academies).hasSize(30);
        assertThat(academies).filteredOn(academy -> "14".equals(academy.get("code"))).singleElement()
                .satisfies(rennes -> {
                    assertThat(rennes.get("name")).isEqualTo("Rennes");
                    assertThat(rennes.get("region")).isEqualTo(Map.of("code", "53", "name", "Bretagne"));
                    assertThat(rennes.get("departments").toString()).contains("Ille-et-Vilaine", "Finistère");
                });
        assertThat(academies).extracting(academy -> academy.get("name")).contains("Normandie", "Mayotte")
                .doesNotContain("Caen", "Rouen");
    }
}
