package fr.antiharcelement.reach.api;

import fr.antiharcelement.infra.testing.TestTokens;
import fr.antiharcelement.reach.EventsFeed;
import fr.antiharcelement.reach.SchoolEventsFeed;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The dashboard in a real browser: Debian's headless Chromium, driven by Selenium through Debian's chromium-driver, on
 * the page reach-service serves. CI installs both ({@code .ci/run}) and sets {@code DASHBOARD_BROWSER_REQUIRED}, so
 * that there a missing browser fails; on a machine without them the test is skipped and says why.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final SchoolEventsFeed.Place LA_REUNION = new SchoolEventsFeed.Place("974", "La Réunion", "28", "La Réunion", "04",
            "La Réunion");

    /** Elements that stick out of the screen on the right, outside the tables' own scrolling boxes. */
    private static final String WIDER_THAN_THE_SCREEN = "return [...document.querySelectorAll('body *')]"
            + ".filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.scroll'))"
            + ".map(e => e.tagName + '#' + e.id + '.' + e.className)";

    private static ChromeDriver browser;
    /** The campaign the first test plays, which the second reads once it has a valid token. */
    private static String campaign;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @BeforeAll
    static void startTheBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (System.getenv("DASHBOARD_BROWSER_REQUIRED") != null) {
            assertThat(installed).as("chromium and chromium-driver installed (apt-get install -y chromium chromium-driver)").isTrue();
        }
        assumeTrue(installed, "Debian's chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,2900",
                        "--lang=fr-FR");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @Order(1)
    void theDashboardShowsTheSummaryItsDetailsAndACompletionWithoutReloadingWithNoConsoleError() throws IOException {
        campaign = "dash-" + UUID.randomUUID().toString().substring(0, 8);
        feedACampaign(campaign);
        JsonPath summary = awaitSummary(campaign, 26 + 28 + 24 + 22 + 30 + 27);
        consoleErrors(); // read, hence cleared: what an earlier test's pages logged

        browser.get(page(campaign) + "#token=" + TestTokens.viewer());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(figure("studentsSensitised")).isEqualTo(157));
        assertThat(figure("parentsSensitised")).isEqualTo(summary.getLong("totals.parentsSensitised"));
        assertThat(figure("studentWorkshops")).isEqualTo(summary.getLong("totals.studentWorkshopsDelivered"));
        assertThat(figure("parentWorkshops")).isEqualTo(summary.getLong("totals.parentWorkshopsDelivered"));
        assertThat(figure("schools")).isEqualTo(summary.getLong("totals.schoolsReached"));
        assertThat(figure("workshopsScheduled")).isEqualTo(summary.getLong("totals.workshopsScheduled"));
        assertThat(text("pct-studentsSensitised")).isEqualTo(percent(summary.getDouble("progress.studentsSensitised")));
        assertThat(browser.getCurrentUrl()).as("the token is taken out of the address bar").doesNotContain("token");

        // the details: partners, class levels, the map with what lies off it, the ranking, the latest completions
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(text("partenaires")).contains("Partner assoc-a", "Partner assoc-b"));
        assertThat(browser.findElements(By.cssSelector("#carte path"))).hasSize(13);
        assertThat(text("hors-carte")).contains("La Réunion");
        assertThat(rows("classement").get(0)).startsWith("Bretagne 1 ");
        assertThat(text("niveaux")).contains("6e", "5e", "4e", "3e");
        assertThat(rows("derniers").get(0)).contains("Collège Surcouf", "Ille-et-Vilaine", "Partner assoc-b", "Élèves", "3e", "30");
        assertThat(browser.findElements(By.cssSelector("#courbe svg path"))).hasSize(2);

        // with the keyboard: the breakdown switches to départements
        WebElement regions = browser.findElement(By.id("niveau-region"));
        ((JavascriptExecutor) browser).executeScript("arguments[0].focus()", regions);
        regions.sendKeys(Keys.ARROW_RIGHT);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(browser.findElements(By.cssSelector("#carte path"))).hasSize(96));
        assertThat(rows("classement").get(0)).startsWith("Ille-et-Vilaine 1 ");
        screenshot();

        // a completion appears without a reload
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");
        // the API read in a loop meanwhile: when the projection has the completion, to the request
        AtomicLong apiSawIt = new AtomicLong();
        long giveUp = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Thread api = new Thread(() -> {
            while (apiSawIt.get() == 0 && System.nanoTime() < giveUp) {
                if (given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + campaign).jsonPath()
                        .getLong("totals.studentsSensitised") == 157 + 29) {
                    apiSawIt.set(System.nanoTime());
                }
            }
        });
        api.setDaemon(true);
        api.start();
        long sent = System.nanoTime();
        try (EventsFeed feed = new EventsFeed(bootstrapServers)) {
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(905), "assoc-a", "STUDENTS", "QUATRIEME",
                    "2021-12-10T10:00:00+01:00", "COMPLETED", 29, 2);
            feed.flush();
        }
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(figure("studentsSensitised")).isEqualTo(157 + 29));
        long shown = System.nanoTime();
        await().atMost(Duration.ofSeconds(5)).until(() -> apiSawIt.get() != 0);
        System.out.printf("Dashboard: a completion shown %d ms after its event was sent, %d ms after the API first answered it "
                + "(negative: before the test's own API reads saw it)%n", (shown - sent) / 1_000_000, (shown - apiSawIt.get()) / 1_000_000);
        assertThat((shown - apiSawIt.get()) / 1_000_000).as("ms from the API to the page").isLessThan(1_000);
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded === true")).isEqualTo(true);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rows("derniers").get(0)).contains("Collège des Ajoncs", "29"));

        // readable on a phone: nothing wider than the screen
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        assertThat((List<?>) ((JavascriptExecutor) browser).executeScript(WIDER_THAN_THE_SCREEN)).as("elements wider than a 390 px screen")
                .isEmpty();
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2900));

        assertThat(consoleErrors()).as("console errors").isEmpty();
    }

    @Test
    @Order(2)
    void anInvalidTokenIsToldClearlyAndAnotherCanBeGiven() {
        assertThat(campaign).as("the campaign of the first test").isNotNull();
        browser.get(page(campaign) + "#token=not-a-token");
        await().atMost(Duration.ofSeconds(20)).until(() -> !text("message").isEmpty());
        assertThat(text("message")).startsWith("Jeton refusé : il est invalide ou a expiré.");
        assertThat(browser.findElement(By.id("connexion")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("tableau")).isDisplayed()).isFalse();
        assertThat(browser.switchTo().activeElement().getAttribute("id")).as("the token field has the focus").isEqualTo("jeton");
        // the browser reports the refused request itself; nothing else may fail
        assertThat(consoleErrors()).allSatisfy(error -> assertThat(error).contains("401"));

        browser.findElement(By.id("jeton")).sendKeys(TestTokens.viewer(), Keys.ENTER);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(figure("studentsSensitised")).isEqualTo(157 + 29));
        assertThat(browser.findElement(By.id("message")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("connexion")).isDisplayed()).isFalse();
    }

    /** Three metropolitan régions and La Réunion; two partners; every class level; parents too; one workshop still to come. */
    private void feedACampaign(String campaign) {
        try (SchoolEventsFeed schools = new SchoolEventsFeed(bootstrapServers); EventsFeed feed = new EventsFeed(bootstrapServers)) {
            schools.publish(SchoolEventsFeed.uai(901), "Collège Surcouf", SchoolEventsFeed.RENNES, 1);
            schools.publish(SchoolEventsFeed.uai(902), "Collège Anne de Bretagne", SchoolEventsFeed.RENNES, 1);
            schools.publish(SchoolEventsFeed.uai(903), "Collège Jules Verne", SchoolEventsFeed.NANTES, 1);
            schools.publish(SchoolEventsFeed.uai(904), "Collège Jean Jaurès", SchoolEventsFeed.LILLE, 1);
            schools.publish(SchoolEventsFeed.uai(905), "Collège des Ajoncs", SchoolEventsFeed.RENNES, 1);
            schools.publish(SchoolEventsFeed.uai(906), "Collège Bourbon", LA_REUNION, 1);
            feed.campaign(campaign, 1000);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(901), "assoc-a", "STUDENTS", "SIXIEME", "2021-09-20T10:00:00+02:00", "COMPLETED", 26, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(902), "assoc-a", "STUDENTS", "CINQUIEME", "2021-10-04T10:00:00+02:00", "COMPLETED", 28, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(903), "assoc-b", "STUDENTS", "QUATRIEME", "2021-10-18T10:00:00+02:00", "COMPLETED", 24, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(904), "assoc-b", "STUDENTS", "SIXIEME", "2021-11-08T10:00:00+01:00", "COMPLETED", 22, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(906), "assoc-a", "STUDENTS", "CINQUIEME", "2021-11-15T10:00:00+01:00", "COMPLETED", 27, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(901), "assoc-b", "STUDENTS", "TROISIEME", "2021-11-22T10:00:00+01:00", "COMPLETED", 30, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(903), "assoc-b", "PARENTS", null, "2021-11-09T18:00:00+01:00", "COMPLETED", 14, 2);
            feed.workshop(UUID.randomUUID(), campaign, SchoolEventsFeed.uai(904), "assoc-a", "STUDENTS", "TROISIEME", "2022-01-10T10:00:00+01:00", "SCHEDULED", null, 1);
            feed.flush();
        }
    }

    private static JsonPath awaitSummary(String campaign, int students) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TestTokens.viewer())
                .get("/api/v1/reach/campaigns/" + campaign).then().statusCode(200).body("totals.studentsSensitised", equalTo(students))
                .body("totals.workshopsScheduled", equalTo(1)));
        return given().auth().oauth2(TestTokens.viewer()).get("/api/v1/reach/campaigns/" + campaign).jsonPath();
    }

    private static String page(String campaign) {
        return RestAssured.baseURI + ":" + RestAssured.port + "/dashboard/?campaign=" + campaign;
    }

    /**
     * An element's visible text, read in one script: the page replaces what it renders when new figures arrive, so an
     * element found by one call may be gone by the next.
     */
    private static String text(String id) {
        Object text = ((JavascriptExecutor) browser).executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.innerText : null", id);
        return text == null ? "" : text.toString().trim();
    }

    /** A figure as the page shows it (French grouping: 1 234), as a number. */
    private static long figure(String measure) {
        String digits = text("fig-" + measure).replaceAll("[^0-9]", "");
        return digits.isEmpty() ? -1 : Long.parseLong(digits);
    }

    private static String percent(double value) {
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value).replace('.', ',')) + " %";
    }

    /** The body rows of a table, each as its cells' text joined by spaces, read in one script (as {@link #text}). */
    @SuppressWarnings("unchecked")
    private static List<String> rows(String tableId) {
        return (List<String>) ((JavascriptExecutor) browser).executeScript("return [...document.querySelectorAll('#' + arguments[0] "
                + "+ ' tbody tr')].map(row => [...row.querySelectorAll('th, td')].map(cell => cell.innerText.trim()).join(' '))", tableId);
    }

    private static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream().filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage).toList();
    }

    /** target/dashboard.png every run; {@code -Ddashboard.screenshot=PATH} also writes it there (docs/dashboard.png in the README). */
    private static void screenshot() throws IOException {
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Path target = Path.of(System.getProperty("basedir", "."), "target", "dashboard.png");
        Files.createDirectories(target.getParent());
        Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
        String copy = System.getProperty("dashboard.screenshot");
        if (copy != null) {
            Files.copy(shot.toPath(), Path.of(copy), StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
