package fr.antiharcelement.system;

import fr.antiharcelement.infra.testing.ChildService;
import fr.antiharcelement.infra.testing.TestInfrastructure;
import fr.antiharcelement.infra.testing.TestTokens;
import io.restassured.RestAssured;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The whole system as it runs in production, once per test JVM: one PostgreSQL and one Kafka broker, and the
 * three services as separate processes from their packaged jars, each with a database of its own. Every fault
 * test leaves it running and whole again (broker up, database reachable, reach-service started), so the next
 * test class starts from a healthy system; each test works in a campaign of its own, so totals never mix.
 */
final class RunningSystem {

    /** A request that does not answer within this is a hang: the test fails instead of waiting for ever. */
    private static final RestAssuredConfig BOUNDED = RestAssuredConfig.config().httpClient(HttpClientConfig.httpClientConfig()
            .setParam("http.connection.timeout", 5_000)
            .setParam("http.socket.timeout", 30_000));

    private static RunningSystem instance;

    final TestInfrastructure infra;
    final ChildService school;
    final ChildService workshop;
    final ChildService reach;
    /** Every instance of workshop-service, the first included: partners' writes go to each in turn. */
    private final List<ChildService> workshops = new CopyOnWriteArrayList<>();
    private final AtomicInteger turn = new AtomicInteger();

    private RunningSystem() {
        // Durable, as in production: PostgresKilledIT kills the server and expects every acknowledged write back.
        infra = TestInfrastructure.durable();
        // school-service first: it creates school-events, which the other two consume.
        school = ChildService.start("school-service", "system_school");
        workshop = ChildService.start("workshop-service", "system_workshop");
        reach = ChildService.start("reach-service", "system_reach");
        workshops.add(workshop);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            reach.close();
            workshop.close();
            school.close();
        }, "system-tests-shutdown"));
    }

    static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
        }
        return instance;
    }

    /** Another instance of {@code service} (e.g. {@code reach-service}) on the same database and consumer groups. */
    ChildService anotherInstance(String service) {
        String database = switch (service) {
            case "school-service" -> "system_school";
            case "workshop-service" -> "system_workshop";
            case "reach-service" -> "system_reach";
            default -> throw new IllegalArgumentException(service);
        };
        ChildService instance = ChildService.start(service, database);
        if (service.equals("workshop-service")) {
            workshops.add(instance);
        }
        return instance;
    }

    /** Stops an instance {@link #anotherInstance} started; the first instances stay. */
    void stopInstance(ChildService instance) {
        workshops.remove(instance);
        instance.close();
    }

    /** The workshop-service instance for the next write: each running one in turn. */
    ChildService anyWorkshop() {
        List<ChildService> running = workshops.stream().filter(ChildService::isRunning).toList();
        return running.get(Math.floorMod(turn.getAndIncrement(), running.size()));
    }

    /** For the tests that stop or kill reach-service: whatever happened, the next test finds it running. */
    void startReachIfStopped() {
        if (!reach.isRunning()) {
            reach.start();
        }
    }

    RequestSpecification asAdmin(ChildService service) {
        return as(service, TestTokens.admin());
    }

    RequestSpecification asViewer(ChildService service) {
        return as(service, TestTokens.viewer());
    }

    /** A request without a token, for health and metrics. */
    RequestSpecification anonymous(ChildService service) {
        return RestAssured.given().config(BOUNDED).baseUri(service.url());
    }

    private RequestSpecification as(ChildService service, String token) {
        return anonymous(service).auth().oauth2(token).contentType(ContentType.JSON);
    }
}
