package fr.antiharcelement.school.api;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.school.TestSchools;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class AnnuaireImportTest {

    static final String FIXTURE = "/annuaire/fr-en-annuaire-education-ille-et-vilaine-2023.csv";
    /** The fixture's establishments per type: 996 lines, 993 establishments (3 described on two lines). */
    static final Map<String, Integer> FIXTURE_TYPES = Map.of("ECOLE", 685, "COLLEGE", 116, "LYCEE", 84,
            "ADMINISTRATION", 42, "MEDICO_SOCIAL", 39, "OTHER", 20, "INFORMATION_ORIENTATION", 5, "EREA", 2);

    @Inject
    AgroalDataSource dataSource;

    static byte[] fixture() {
        try (InputStream in = AnnuaireImportTest.class.getResourceAsStream(FIXTURE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends {@code csv} as curl does, declaring no charset (RestAssured would otherwise declare ISO-8859-1). */
    static ValidatableResponse importCsv(byte[] csv, String query) {
        return given().config(RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                        .appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .auth().oauth2(TestTokens.admin()).contentType("text/csv").body(csv)
                .post("/api/v1/schools/imports" + query).then();
    }

    /** The fixture's header row: the columns of a real export, for files written by the tests. */
    static String fixtureHeader() {
        return new String(fixture(), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
    }

    long outboxRows() {
        return Jdbc.query(dataSource, "select count(*) from outbox_event", Jdbc.Binder.NONE, row -> row.getLong(1)).get(0);
    }

    @BeforeEach
    void fixtureImported() {
        importCsv(fixture(), "").statusCode(200);
    }

    @Test
    void twoImportsAtOnceTakeTurnsSoThatEachChangeIsMadeAndPublishedOnce() throws Exception {
        // Every collège renamed: as two instances of the service receiving the same new export at the same time.
        byte[] renamed = new String(fixture(), StandardCharsets.UTF_8).replace("Collège ", "Collège public ")
                .getBytes(StandardCharsets.UTF_8);
        long outboxBefore = outboxRows();
        ExecutorService instances = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = instances.submit(() -> importCsv(renamed, "").statusCode(200).extract().<Integer>path("updated"));
            Future<Integer> second = instances.submit(() -> importCsv(renamed, "").statusCode(200).extract().<Integer>path("updated"));
            List<Integer> updated = List.of(first.get(), second.get());

            assertThat(updated).as("schools each import updated").contains(0).anySatisfy(count -> assertThat(count).isPositive());
            assertThat(outboxRows() - outboxBefore).as("events published by both imports").isEqualTo(updated.get(0) + updated.get(1));
        } finally {
            instances.shutdown();
        }
    }

    @Test
    void theFixtureGivesTheExpectedSchoolsPerTypeAndRejectsNothing() {
        importCsv(fixture(), "").statusCode(200)
                .body("rowsRead", equalTo(996)).body("rejectedCount", equalTo(0)).body("merged", hasSize(3));

        FIXTURE_TYPES.forEach((type, expected) -> given().auth().oauth2(TestTokens.viewer())
                .queryParams(Map.of("department", "035", "type", type, "size", 1)).get("/api/v1/schools")
                .then().statusCode(200).body("totalItems", equalTo(expected)));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/0350852L")
                .then().body("name", equalTo("Collège Saint-Joseph")).body("communeName", equalTo("Bruz"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/0350122T")
                .then().body("type", equalTo("ECOLE")).body("sector", equalTo("PUBLIC")).body("pupils", equalTo(143))
                .body("academyName", equalTo("Rennes")).body("regionName", equalTo("Bretagne"));
    }

    @Test
    void aSecondImportOfTheSameFileChangesNothingAndPublishesNothing() {
        long outboxBefore = outboxRows();

        importCsv(fixture(), "").statusCode(200)
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(993));

        assertThat(outboxRows()).isEqualTo(outboxBefore);
    }

    @Test
    void aDriftedExportWithRenamedReorderedAndMissingColumnsImportsTheSameSchools() {
        long outboxBefore = outboxRows();

        importCsv(drifted(fixture()), "").statusCode(200)
                .body("rowsRead", equalTo(996)).body("rejectedCount", equalTo(0))
                .body("created", equalTo(0)).body("updated", equalTo(0)).body("unchanged", equalTo(993));

        assertThat(outboxRows()).isEqualTo(outboxBefore);
    }

    @Test
    void theTypesFilterImportsOnlyThoseTypes() {
        importCsv(fixture(), "?types=COLLEGE,erea").statusCode(200)
                .body("unchanged", equalTo(118)).body("skipped", equalTo(996 - 117 - 2));
        importCsv(fixture(), "?types=CASTLE").statusCode(400).body("errors[0].field", equalTo("types"));
    }

    @Test
    void malformedRowsAreReportedWithTheirLinesAndTheOthersImported() {
        String header = fixtureHeader();
        String good = TestSchools.newUai();
        String badLetter = good.substring(0, 7) + (good.charAt(7) == 'A' ? 'B' : 'A');
        String other = TestSchools.newUai();
        String csv = String.join("\r\n", header,
                row(header, Map.of("Identifiant_de_l_etablissement", good, "Nom_etablissement", "Collège Bon")),
                row(header, Map.of("Identifiant_de_l_etablissement", badLetter, "Nom_etablissement", "Collège Faux")),
                row(header, Map.of("Identifiant_de_l_etablissement", other, "Nom_etablissement", "")),
                row(header, Map.of("Identifiant_de_l_etablissement", other, "Nom_etablissement", "Collège Perdu",
                        "Code_departement", "999")),
                row(header, Map.of("Identifiant_de_l_etablissement", other, "Nom_etablissement", "Collège Mal Rangé",
                        "Code_academie", "01"))) + "\r\n";

        importCsv(csv.getBytes(StandardCharsets.UTF_8), "").statusCode(200)
                .body("rowsRead", equalTo(5)).body("created", equalTo(1))
                .body("rejected.line", equalTo(List.of(3, 4, 5, 6)))
                .body("rejected[0].uai", equalTo(badLetter))
                .body("rejected[0].reason", containsString("expects " + good.charAt(7)))
                .body("rejected[1].reason", containsString("no school name"))
                .body("rejected[2].reason", containsString("Unknown département code 999"))
                .body("rejected[3].reason", containsString("belongs to académie 14"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + good).then().statusCode(200);
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + other).then().statusCode(404);
    }

    /** Excel on Windows saves a CSV in Windows-1252: read as UTF-8 it would store "Coll?ge" and misread every type. */
    @Test
    void aFileInAnotherCharsetIsRefusedUnlessItIsDeclared() {
        String header = fixtureHeader().replace("\uFEFF", "");
        String uai = TestSchools.newUai();
        byte[] windows = (header + "\r\n" + row(header, Map.of("Identifiant_de_l_etablissement", uai,
                "Nom_etablissement", "Collège Chateaubriand", "Nom_commune", "Saint-Malo")) + "\r\n").getBytes(Charset.forName("windows-1252"));

        importCsv(windows, "").statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("charset")).body("errors[0].message", containsString("charset=windows-1252"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + uai).then().statusCode(404);

        given().auth().oauth2(TestTokens.admin()).contentType("text/csv; charset=windows-1252").body(windows)
                .post("/api/v1/schools/imports").then().statusCode(200).body("charset", equalTo("windows-1252"))
                .body("created", equalTo(1));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + uai).then().statusCode(200)
                .body("name", equalTo("Collège Chateaubriand")).body("type", equalTo("COLLEGE"));
        String marked = TestSchools.newUai(); // a UTF-8 byte order mark outweighs a client's default ISO-8859-1
        byte[] utf8 = ("\uFEFF" + header + "\r\n" + row(header, Map.of("Identifiant_de_l_etablissement", marked,
                "Nom_etablissement", "Collège Surcouf")) + "\r\n").getBytes(StandardCharsets.UTF_8);
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv; charset=ISO-8859-1").body(utf8)
                .post("/api/v1/schools/imports").then().statusCode(200).body("charset", equalTo("UTF-8"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + marked).then().statusCode(200)
                .body("name", equalTo("Collège Surcouf"));
        given().auth().oauth2(TestTokens.admin()).contentType("text/csv; charset=klingon").body(windows)
                .post("/api/v1/schools/imports").then().statusCode(400).body("errors[0].field", equalTo("charset"));
    }

    /**
     * The import takes the same lengths as the API, and caps every other column, so that no row can make a school
     * event too big for Kafka; a file of bad rows lists the first thousand and counts them all.
     */
    @Test
    void overlongFieldsAreRejectedRowsAndTheRejectedListIsCapped() {
        String header = fixtureHeader().replace("\uFEFF", "");
        String longName = TestSchools.newUai();
        String longWeb = TestSchools.newUai();
        StringBuilder csv = new StringBuilder(header).append("\r\n")
                .append(row(header, Map.of("Identifiant_de_l_etablissement", longName, "Nom_etablissement", "C".repeat(201)))).append("\r\n")
                .append(row(header, Map.of("Identifiant_de_l_etablissement", longWeb, "Nom_etablissement", "Collège Long",
                        "Web", "https://example.org/" + "x".repeat(1_000)))).append("\r\n");
        for (int i = 0; i < 1_003; i++) {
            csv.append(row(header, Map.of("Identifiant_de_l_etablissement", "0350000X", "Nom_etablissement", "Faux"))).append("\r\n");
        }

        importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), "").statusCode(200)
                .body("rowsRead", equalTo(1_005)).body("created", equalTo(0)).body("rejectedCount", equalTo(1_005))
                .body("rejected", hasSize(1_000))
                .body("rejected[0].line", equalTo(2)).body("rejected[0].reason", containsString("more than 200"))
                .body("rejected[1].line", equalTo(3)).body("rejected[1].reason", containsString("more than 1000"));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + longName).then().statusCode(404);
    }

    @Test
    void aFileThatIsNotAnAnnuaireExportIsA400AndStoresNothing() {
        importCsv("name,city\nfoo,bar\n".getBytes(StandardCharsets.UTF_8), "").statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("Identifiant_de_l_etablissement"));
        importCsv(new byte[0], "").statusCode(400);
        given().auth().oauth2(TestTokens.admin()).contentType("application/json").body("{\"uai\": \"0352958A\"}")
                .post("/api/v1/schools/imports").then().statusCode(415).contentType("application/problem+json")
                .body("detail", containsString("text/csv"));
    }

    @Test
    void aFileThatBreaksHalfWayStoresNothing() {
        String header = fixtureHeader();
        String first = TestSchools.newUai();
        String csv = header + "\n" + row(header, Map.of("Identifiant_de_l_etablissement", first, "Nom_etablissement", "Collège A"))
                + "\n" + first.substring(0, 7) + "X;\"Collège \"unterminated\n";
        long outboxBefore = outboxRows();

        importCsv(csv.getBytes(StandardCharsets.UTF_8), "").statusCode(400).contentType("application/problem+json");

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + first).then().statusCode(404);
        assertThat(outboxRows()).isEqualTo(outboxBefore);
    }

    /**
     * Rows are staged while the file is still being read: a file that breaks after thousands of good rows, which the
     * database has already received, stores none of them, and the next import finds the service as it was.
     */
    @Test
    void aFileThatBreaksAfterThousandsOfStagedRowsStoresNothingAndTheNextImportWorks() {
        String header = fixtureHeader();
        List<String> uais = new ArrayList<>();
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i < 3_000; i++) {
            String uai = TestSchools.newUai();
            uais.add(uai);
            csv.append(row(header, Map.of("Identifiant_de_l_etablissement", uai, "Nom_etablissement", "Collège n°" + i))).append('\n');
        }
        csv.append(uais.get(0), 0, 7).append("X;\"Collège \"unterminated\n");
        long outboxBefore = outboxRows();

        importCsv(csv.toString().getBytes(StandardCharsets.UTF_8), "").statusCode(400).contentType("application/problem+json");

        for (String uai : List.of(uais.get(0), uais.get(1_500), uais.get(2_999))) {
            given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + uai).then().statusCode(404);
        }
        assertThat(outboxRows()).isEqualTo(outboxBefore);
        String next = TestSchools.newUai();
        importCsv((header + "\n" + row(header, Map.of("Identifiant_de_l_etablissement", next, "Nom_etablissement", "Collège B"))
                + "\n").getBytes(StandardCharsets.UTF_8), "").statusCode(200).body("created", equalTo(1));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + next).then().statusCode(200);
    }

    /**
     * A file with more establishments than the directory holds (its first national load) is loaded in bulk: the
     * search indexes are built once the schools are in. The schools are then found by name, and the table keeps the
     * indexes it had, as they were defined.
     */
    /**
     * New establishments are registered together, as their rows were staged, while those with a school are compared
     * one by one: in one file, each is counted and published once, the new ones as their kept line says.
     */
    @Test
    void newChangedAndUnchangedEstablishmentsOfOneFileAreEachCountedAndPublishedOnce() {
        String header = fixtureHeader();
        String renamed = new String(fixture(), StandardCharsets.UTF_8).lines()
                .map(line -> line.startsWith("0350852L;Collège Saint-Joseph;") ? line.replace(";Collège Saint-Joseph;", ";Collège Saint-Joseph de Bruz;") : line)
                .reduce((a, b) -> a + "\r\n" + b).orElseThrow();
        String newUai = TestSchools.newUai();
        String otherNewUai = TestSchools.newUai();
        String csv = renamed + "\r\n"
                + row(header, Map.of("Identifiant_de_l_etablissement", newUai, "Nom_etablissement", "Collège Neuf - annexe",
                "Statut_public_prive", "", "Nombre_d_eleves", "", "Code_departement", "029")) + "\r\n"
                + row(header, Map.of("Identifiant_de_l_etablissement", otherNewUai, "Nom_etablissement", "École des Prés",
                "Type_etablissement", "Ecole", "Nombre_d_eleves", "87", "Code_departement", "029")) + "\r\n"
                + row(header, Map.of("Identifiant_de_l_etablissement", newUai, "Nom_etablissement", "Collège Neuf",
                "Statut_public_prive", "", "Nombre_d_eleves", "", "Code_departement", "029")) + "\r\n";
        long outboxBefore = outboxRows();
        long renamedVersion = Long.parseLong(given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/0350852L")
                .then().statusCode(200).extract().header("ETag").replace("\"", ""));

        importCsv(csv.getBytes(StandardCharsets.UTF_8), "").statusCode(200)
                .body("created", equalTo(2)).body("updated", equalTo(1)).body("unchanged", equalTo(992))
                .body("merged", hasSize(4));

        assertThat(outboxRows() - outboxBefore).as("events: two registrations and a change").isEqualTo(3);
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + newUai).then().statusCode(200)
                .body("name", equalTo("Collège Neuf")).body("sector", equalTo(null)).body("pupils", equalTo(null))
                .body("academyName", equalTo("Rennes")).header("ETag", "\"1\"");
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + otherNewUai).then().statusCode(200)
                .body("type", equalTo("ECOLE")).body("pupils", equalTo(87));
        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/0350852L").then().statusCode(200)
                .body("name", equalTo("Collège Saint-Joseph de Bruz")).header("ETag", "\"" + (renamedVersion + 1) + "\"");
        assertThat(Jdbc.query(dataSource, """
                        select event_type, aggregate_version, payload::jsonb ->> 'name' from outbox_event
                        where aggregate_id = ? order by seq""", statement -> statement.setString(1, newUai),
                row -> row.getString(1) + " v" + row.getLong(2) + " " + row.getString(3)))
                .as("the new school's one event").containsExactly("school.registered v1 Collège Neuf");
    }

    @Test
    void aFileLargerThanTheDirectoryIsLoadedInBulkAndItsSchoolsAreSearchableAfter() {
        awaitNoIndexToBuild(); // an earlier bulk load's
        String marker = "bulk" + TestSchools.newUai().toLowerCase();
        List<String> indexesBefore = schoolIndexes();
        List<String> uais = new ArrayList<>();
        String csv = largerThanTheDirectory("Collège " + marker + " n°", uais, false);

        importCsv(csv.getBytes(StandardCharsets.UTF_8), "").statusCode(200).body("created", equalTo(uais.size()));

        assertSearchFinds(marker, uais); // at once, the indexes built or not
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(schoolIndexes()).isEqualTo(indexesBefore));
        assertThat(indexesBefore).anyMatch(index -> index.contains("gin_trgm_ops"));
        given().get("/q/health/group/search").then().statusCode(200)
                .body("checks[0].status", equalTo("UP")).body("checks[0].data.indexesToBuild", equalTo(0));
        assertSearchFinds(marker, uais);
    }

    private static void assertSearchFinds(String marker, List<String> uais) {
        given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("q", marker, "size", 1)).get("/api/v1/schools")
                .then().statusCode(200).body("totalItems", equalTo(uais.size()));
        given().auth().oauth2(TestTokens.viewer()).queryParams(Map.of("q", marker + " n 7", "size", 50)).get("/api/v1/schools")
                .then().statusCode(200).body("items.uai", hasItem(uais.get(7)));
    }

    /**
     * A bulk load that fails once its indexes are dropped (here a trigger refuses one school, the last the load
     * inserts) stores no school, publishes nothing, and leaves the table's indexes as they were.
     */
    @Test
    void aBulkLoadThatFailsHalfWayStoresNothingAndKeepsTheIndexes() {
        awaitNoIndexToBuild(); // an earlier bulk load's
        String marker = "panne" + TestSchools.newUai().toLowerCase();
        List<String> indexesBefore = schoolIndexes();
        long outboxBefore = outboxRows();
        List<String> uais = new ArrayList<>();
        String csv = largerThanTheDirectory("Collège " + marker + " n°", uais, true);
        Jdbc.run(dataSource, connection -> {
            try (var statements = connection.createStatement()) {
                statements.execute("""
                        create function refuse_the_failing_school() returns trigger language plpgsql as $$
                        begin
                          if new.name like '%failing school%' then raise exception 'injected failure'; end if;
                          return new;
                        end $$""");
                statements.execute("""
                        create trigger refuse_the_failing_school before insert on school
                        for each row execute function refuse_the_failing_school()""");
            }
        });
        try {
            importCsv(csv.getBytes(StandardCharsets.UTF_8), "").statusCode(500).contentType("application/problem+json");
        } finally {
            Jdbc.run(dataSource, connection -> {
                try (var statements = connection.createStatement()) {
                    statements.execute("drop trigger refuse_the_failing_school on school");
                    statements.execute("drop function refuse_the_failing_school()");
                }
            });
        }

        assertThat(schoolIndexes()).isEqualTo(indexesBefore).anyMatch(index -> index.contains("gin_trgm_ops"));
        assertThat(Jdbc.count(dataSource, "select count(*) from deferred_index", Jdbc.Binder.NONE)).as("indexes to build").isZero();
        assertThat(outboxRows()).isEqualTo(outboxBefore);
        for (String uai : List.of(uais.get(0), uais.get(uais.size() / 2), uais.get(uais.size() - 1))) {
            given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + uai).then().statusCode(404);
        }
    }

    /**
     * An annuaire of new collèges in Brest (outside the fixture's département), one more than the directory holds:
     * each named {@code namePrefix} and its number, but the last one by UAI when {@code lastFails}: it is named
     * "failing school". Their UAIs, ascending, go to {@code uais}.
     */
    private String largerThanTheDirectory(String namePrefix, List<String> uais, boolean lastFails) {
        long stored = Jdbc.count(dataSource, "select count(*) from school", Jdbc.Binder.NONE);
        String header = fixtureHeader();
        StringBuilder csv = new StringBuilder(header).append('\n');
        for (int i = 0; i <= stored; i++) {
            uais.add(TestSchools.newUai());
        }
        uais.sort(null);
        for (int i = 0; i < uais.size(); i++) {
            String name = lastFails && i == uais.size() - 1 ? "Collège failing school" : namePrefix + i;
            csv.append(row(header, Map.of("Identifiant_de_l_etablissement", uais.get(i), "Nom_etablissement", name,
                    "Code postal", "29200", "Code_commune", "29019", "Nom_commune", "Brest", "Code_departement", "029")))
                    .append('\n');
        }
        return csv.toString();
    }

    /** The school table's indexes, each as the catalog defines it. */
    private void awaitNoIndexToBuild() {
        await().atMost(Duration.ofSeconds(30))
                .until(() -> Jdbc.count(dataSource, "select count(*) from deferred_index", Jdbc.Binder.NONE) == 0);
    }

    /** The school table's indexes that searches can use (a concurrent build's index is there before it is valid). */
    private List<String> schoolIndexes() {
        return Jdbc.query(dataSource, """
                        select pg_get_indexdef(i.indexrelid) from pg_index i
                        where i.indrelid = 'school'::regclass and i.indisvalid order by i.indexrelid::regclass::text""",
                Jdbc.Binder.NONE, row -> row.getString(1));
    }

    /** Rows are staged as COPY text holding an array literal: the characters either format gives a meaning to stay text. */
    @Test
    void quotesBackslashesBracesTabsAndLineBreaksAreStoredAsWritten() {
        String header = fixtureHeader();
        String uai = TestSchools.newUai();
        String name = "Collège \"Le Phare\" {A,B}\tC:\\Écoles\\N\r\nNULL";
        byte[] csv = (header + "\r\n" + row(header, Map.of("Identifiant_de_l_etablissement", uai,
                "Nom_etablissement", quoted(name), "Web", quoted("\\.\n\\")))
                + "\r\n").getBytes(StandardCharsets.UTF_8);

        importCsv(csv, "").statusCode(200).body("created", equalTo(1)).body("rejectedCount", equalTo(0));

        given().auth().oauth2(TestTokens.viewer()).get("/api/v1/schools/" + uai).then().statusCode(200).body("name", equalTo(name));
        importCsv(csv, "").statusCode(200).body("unchanged", equalTo(1)).body("updated", equalTo(0));
    }

    private static String quoted(String field) {
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    @Test
    void onlyAnAdminImports() {
        given().auth().oauth2(TestTokens.viewer()).contentType("text/csv").body(fixture()).post("/api/v1/schools/imports")
                .then().statusCode(403);
    }

    /** A row of the fixture's columns: a collège in Rennes, with {@code values} overriding columns by name. */
    static String row(String header, Map<String, String> values) {
        List<String> columns = Arrays.asList(header.replace("\uFEFF", "").split(";", -1));
        Map<String, String> base = new LinkedHashMap<>(Map.of("Type_etablissement", "Collège", "Statut_public_prive", "Public",
                "Code postal", "35000", "Code_commune", "35238", "Nom_commune", "Rennes", "Code_departement", "035",
                "Code_academie", "14", "Code_region", "53", "etat", "OUVERT"));
        base.putAll(values);
        List<String> fields = new ArrayList<>();
        for (String column : columns) {
            fields.add(base.getOrDefault(column, ""));
        }
        return String.join(";", fields);
    }

    /**
     * The fixture as another year might export it: no BOM, LF line ends, columns renamed ({@code Code postal} →
     * {@code Code_postal}, the UAI and commune columns under other names), reordered, and optional columns dropped.
     */
    static byte[] drifted(byte[] original) {
        List<List<String>> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').detectBomHeader(true)
                .ofCsvRecord(new String(original, StandardCharsets.UTF_8))) {
            reader.forEach(record -> rows.add(record.getFields()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        List<String> header = rows.get(0);
        Map<String, String> renamed = Map.of("Code postal", "Code_postal", "Identifiant_de_l_etablissement", "Code_UAI",
                "Nom_commune", "Libelle_commune", "Statut_public_prive", "Secteur_public_prive");
        List<String> dropped = List.of("Nombre_d_eleves", "Code_academie", "Code_region", "Adresse_1", "Telephone", "Web", "Mail");
        List<Integer> kept = new ArrayList<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            if (!dropped.contains(header.get(i))) {
                kept.add(i); // reversed order: column order must not matter
            }
        }
        StringWriter out = new StringWriter();
        try (CsvWriter writer = CsvWriter.builder().fieldSeparator(';').lineDelimiter(LineDelimiter.LF).build(out)) {
            for (int n = 0; n < rows.size(); n++) {
                List<String> picked = new ArrayList<>();
                for (int i : kept) {
                    String value = i < rows.get(n).size() ? rows.get(n).get(i) : "";
                    picked.add(n == 0 ? renamed.getOrDefault(value, value) : value);
                }
                writer.writeRecord(picked);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }
}
