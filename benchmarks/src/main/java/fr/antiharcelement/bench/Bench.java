package fr.antiharcelement.bench;

import java.nio.file.Path;
import java.util.List;

/**
 * Entry point of {@code ./run bench NAME}: runs one benchmark against its own embedded PostgreSQL and Kafka (under
 * {@code benchmarks/target/}) and the services started from their built jars, prints its figures and stops
 * everything it started. {@code ./run bench all} runs each in a JVM of its own, so they never share a topic;
 * {@code ./run bench report} does the same and then has {@link BenchmarkReport} write docs/benchmarks.md.
 */
public final class Bench {

    static final List<String> NAMES = List.of("baseline", "import", "relay", "workshops", "reach");

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String name = args.length == 0 ? "" : args[0];
        if (!NAMES.contains(name)) {
            System.err.println("Usage: ./run bench [" + String.join("|", NAMES) + "|all|report]");
            System.exit(2);
        }
        Report.machine();
        Report.benchmark(name);
        try (BenchEnvironment environment = BenchEnvironment.start()) {
            switch (name) {
                case "baseline" -> new BaselineBenchmark(environment).run();
                case "import" -> new ImportBenchmark(environment).run();
                case "relay" -> new RelayBenchmark(environment).run();
                case "workshops" -> new WorkshopBenchmark(environment).run();
                case "reach" -> new ReachBenchmark(environment).run();
                default -> throw new IllegalStateException(name);
            }
        } catch (Exception | AssertionError e) {
            Report.summary();
            java.util.logging.Logger.getLogger(Bench.class.getName()).log(java.util.logging.Level.SEVERE,
                    "Benchmark " + name + " failed", e);
            System.exit(1); // the shutdown hooks stop the services, Kafka and PostgreSQL
        }
        Report.summary();
        System.exit(0); // client threads would otherwise keep the JVM alive for a while
    }

    /** The repository's root: the parent of this module's directory ({@code basedir}). */
    static Path repositoryRoot() {
        return moduleDir().getParent();
    }

    static Path moduleDir() {
        return Path.of(System.getProperty("basedir", "benchmarks")).toAbsolutePath().normalize();
    }

    /** A setting given as {@code -Dbench.NAME=value} (sizes, durations), or its default. */
    static int setting(String name, int defaultValue) {
        return Integer.getInteger("bench." + name, defaultValue);
    }
}
