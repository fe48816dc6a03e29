package fr.antiharcelement.infra.launcher;

import fr.antiharcelement.infra.DataDirectories;
import fr.antiharcelement.infra.kafka.LocalKafka;
import fr.antiharcelement.infra.postgres.LocalPostgres;
import fr.antiharcelement.infra.process.ServiceProcess;
import fr.antiharcelement.infra.security.LocalKeys;
import fr.antiharcelement.infra.security.TokenMinter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * The whole system on one machine, behind {@code ./run}: PostgreSQL and Kafka embedded, the three services as
 * separate JVMs on fixed ports, data kept under {@code .local/}. Ctrl-C stops every process it started.
 * {@code --instances N} runs N instances of each service, sharing the service's database and consumer groups as a
 * scaled-out deployment does: the first ones on 8081-8083 as always, the next on the following ports (8084-8086
 * for the second instances, and so on), so that {@code ./run campaign} and the printed links keep working.
 */
public final class LocalSystem {

    record Service(String name, int port, String database) {
        Path jar(Path root) {
            return root.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        }

        String url(String path) {
            return "http://localhost:" + port + path;
        }
    }

    static final Service SCHOOL = new Service("school-service", 8081, "school");
    static final Service WORKSHOP = new Service("workshop-service", 8082, "workshop");
    static final Service REACH = new Service("reach-service", 8083, "reach");
    static final List<Service> SERVICES = List.of(SCHOOL, WORKSHOP, REACH);
    static final int POSTGRES_PORT = 15432;
    static final int KAFKA_PORT = 19092;
    static final int KAFKA_CONTROLLER_PORT = 19093;
    static final Duration READY_TIMEOUT = Duration.ofSeconds(180);

    /**
     * Local runs deliver webhooks to a receiver on this machine, over plain HTTP. And ./run campaign schedules and
     * completes 2,000 workshops with two partner tokens as fast as it can: a load test, which the default write budget
     * (500, then 50 a second) would throttle.
     */
    private static final Map<String, String> LOCAL_SETTINGS = Map.of("WEBHOOKS_REQUIRE_HTTPS", "false",
            "WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true", "API_REQUEST_BUDGET_BURST", "100000", "API_REQUEST_BUDGET_PER_SECOND", "10000");
    /** Small heaps: the whole stack idles well under 1.5 GB of resident memory. */
    private static final List<String> SERVICE_JVM_OPTIONS = List.of("-Xms32m", "-Xmx192m", "-XX:+UseSerialGC",
            "-XX:MaxMetaspaceSize=160m", "-XX:ReservedCodeCacheSize=64m", "-Xss512k", "-XX:CICompilerCount=2");

    private final Path root;
    private final Path local;
    /** The shutdown hook reads it, possibly while the services start. */
    private final List<ServiceProcess> services = new CopyOnWriteArrayList<>();
    private LocalPostgres postgres;
    private LocalKafka kafka;

    private LocalSystem(Path root) {
        this.root = root;
        this.local = root.resolve(".local");
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("campaign.root", ".")).toAbsolutePath().normalize();
        List<String> arguments = List.of(args);
        if (!arguments.isEmpty() && arguments.get(0).equals("token")) {
            System.exit(TokenCommand.run(root.resolve(".local"), arguments.subList(1, arguments.size())));
        }
        if (arguments.equals(List.of("campaign"))) {
            System.exit(CampaignPlay.run(root, new TokenMinter(LocalKeys.ensure(root.resolve(".local/keys")).privateKey(),
                    TokenMinter.LOCAL_ISSUER)));
        }
        int instances = 1;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (argument.equals("--instances") && i + 1 < arguments.size() && arguments.get(i + 1).matches("[1-9]")) {
                instances = Integer.parseInt(arguments.get(++i));
            } else if (!List.of("--fresh", "--demo").contains(argument)) {
                System.err.println("Unknown argument: " + argument);
                System.err.println("Usage: ./run [--fresh] [--demo] [--instances 1-9] | ./run token admin|viewer|partner <partnerCode> [--hours N]"
                        + " | ./run campaign");
                System.exit(2);
            }
        }
        new LocalSystem(root).up(arguments.contains("--fresh"), arguments.contains("--demo"), instances);
    }

    /** The port of instance {@code instance} (from 0) of the {@code index}-th service. */
    static int port(int index, int instance) {
        return SERVICES.get(index).port() + instance * SERVICES.size();
    }

    private void up(boolean fresh, boolean demo, int instances) throws InterruptedException {
        for (Service service : SERVICES) {
            if (!Files.exists(service.jar(root))) {
                throw new IllegalStateException(service.jar(root) + " is missing: run ./mvnw -DskipTests package");
            }
        }
        if (fresh) {
            DataDirectories.delete(local);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll, "local-system-shutdown"));
        Instant started = Instant.now();
        LocalKeys keys = LocalKeys.ensure(local.resolve("keys"));
        say("Starting PostgreSQL on port " + POSTGRES_PORT + " and Kafka on port " + KAFKA_PORT + " (data in .local/)");
        postgres = LocalPostgres.start(local.resolve("postgres"), POSTGRES_PORT);
        kafka = LocalKafka.start(local.resolve("kafka"), KAFKA_PORT, KAFKA_CONTROLLER_PORT);
        for (int index = 0; index < SERVICES.size(); index++) {
            Service service = SERVICES.get(index);
            for (int instance = 0; instance < instances; instance++) {
                String log = service.name() + (instance == 0 ? "" : "-" + (instance + 1)) + ".log";
                ServiceProcess process = ServiceProcess.builder(service.name(), service.jar(root))
                        .port(port(index, instance))
                        .jvmOptions(SERVICE_JVM_OPTIONS)
                        .log(local.resolve("logs").resolve(log))
                        .wiredTo(postgres, service.database(), kafka, keys)
                        .settings(LOCAL_SETTINGS)
                        .onUnexpectedExit(this::say)
                        .build();
                services.add(process);
                process.start();
            }
        }
        for (ServiceProcess process : services) {
            process.awaitReady(READY_TIMEOUT);
            say(process.name() + " ready on port " + process.port());
        }
        say("All services ready in " + Duration.between(started, Instant.now()).toSeconds() + " s.");
        if (demo) {
            DemoData.load(root, new TokenMinter(keys.privateKey(), TokenMinter.LOCAL_ISSUER), this::say);
        }
        // The dashboard's link keeps a viewer token for a working day (the services' maximum age), not the usual hour: it
        // is opened on a wall screen and left there, and a viewer token reads only what the dashboard shows anyway.
        printWelcome(instances, new TokenMinter(keys.privateKey(), TokenMinter.LOCAL_ISSUER).viewer(TokenMinter.MAXIMUM_LIFETIME));
        new CountDownLatch(1).await(); // until Ctrl-C
    }

    /** The services' URLs, and the dashboard's with a viewer token in its fragment (a fragment never reaches a server). */
    private void printWelcome(int instances, String viewerToken) {
        StringBuilder text = new StringBuilder("\n");
        for (ServiceProcess service : services) {
            text.append(String.format("  %-17s Swagger UI %-38s health %s%n", service.name(),
                    service.url() + "/q/swagger-ui", service.url() + "/q/health"));
        }
        text.append("\n  Dashboard (viewer token, valid " + TokenMinter.MAXIMUM_LIFETIME.toHours() + " hours):\n  ").append(REACH.url("/dashboard/#token=")).append(viewerToken)
                .append('\n');
        if (instances > 1) {
            text.append("\n  ").append(instances).append(" instances of each service: any of them answers any request.\n");
        }
        text.append("\n  A token:  ./run token admin | ./run token viewer | ./run token partner <partnerCode>   (1 hour; --hours N)\n");
        text.append("  Logs:     .local/logs/      Stop: Ctrl-C\n");
        System.out.println(text);
    }

    private void stopAll() {
        say("Stopping...");
        ServiceProcess.stop(services);
        if (kafka != null) {
            kafka.stop();
        }
        if (postgres != null) {
            try {
                postgres.close();
            } catch (RuntimeException alreadyStopped) {
                // Ctrl-C reaches PostgreSQL too (same process group); it may have shut down on its own.
                say("PostgreSQL: " + alreadyStopped.getMessage());
            }
        }
        say("Stopped.");
    }

    private void say(String line) {
        System.out.println("[run] " + line);
    }
}
