package fr.antiharcelement.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a benchmark prints: progress lines, one block of figures per measurement, and a closing table. With
 * {@code -Dbench.figures=FILE} the figures are also appended to FILE (JSON lines), from which
 * {@link BenchmarkReport} writes docs/benchmarks.md.
 */
final class Report {

    private static final List<Figure> FIGURES = new ArrayList<>();
    private static final Map<String, String> CPU_PER_OPERATION = new HashMap<>();
    private static final Map<String, String> NOTES = new LinkedHashMap<>();
    private static String benchmark = "";
    private static String block = "";
    private static CpuShare.Share blockShare = CpuShare.Share.UNKNOWN;

    private Report() {
    }

    static void progress(String line) {
        System.out.println("[bench " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
    }

    static synchronized void benchmark(String name) {
        benchmark = name;
    }

    /** Starts the block of figures of one measurement; the CPU share shown is the measurement's, since the last block. */
    static synchronized void block(String title) {
        block = title;
        blockShare = CpuShare.sinceLastMark();
        System.out.println();
        System.out.println("=== " + title + " ===");
        line("CPU since the previous block", blockShare);
    }

    static void line(String label, Object value) {
        System.out.printf("  %-34s %s%n", label, value);
    }

    /** A headline figure: printed in its block and again in the closing table, next to its aim. */
    static synchronized void figure(Figure figure) {
        line(figure.name(), figure.measured() + (figure.aim().isEmpty() ? "" : "   (aim " + figure.aim() + ")"));
        boolean ofTheBlock = figure.unit() != Figure.Unit.MEGABYTES && figure.unit() != Figure.Unit.SECONDS;
        FIGURES.add(ofTheBlock ? figure.takenIn(benchmark, block, blockShare.busy() < 0 ? null : blockShare.others())
                : figure.takenIn(benchmark, "", null)); // memory and start-up: not the block's measurement
    }

    /** A process's resident memory in MB from /proc: {@code VmRSS} now, {@code VmHWM} its peak; 0 if unreadable. */
    static double residentMegabytes(long pid, String field) {
        try {
            return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                    .filter(line -> line.startsWith(field + ":"))
                    .mapToDouble(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0).findFirst().orElse(0);
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    /** The closing table; and the figures appended to the file of {@code -Dbench.figures}, when given. */
    static synchronized void summary() {
        if (FIGURES.isEmpty() && NOTES.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("=== summary (load average at the end: " + loadAverage() + ") ===");
        System.out.printf("  %-48s %-40s %s%n", "figure", "measured", "aim");
        for (Figure figure : FIGURES) {
            System.out.printf("  %-48s %-40s %s%n", figure.name(), figure.measured(), figure.aim());
        }
        String file = System.getProperty("bench.figures");
        if (file != null) {
            StringBuilder lines = new StringBuilder();
            NOTES.forEach((label, value) -> lines.append(Http.JSON.createObjectNode().put("note", label).put("value", value))
                    .append('\n'));
            for (Figure figure : FIGURES) {
                try {
                    lines.append(Http.JSON.writeValueAsString(figure.costing(CPU_PER_OPERATION.get(figure.block()))))
                            .append('\n');
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IllegalStateException(e);
                }
            }
            try {
                Files.writeString(Path.of(file), lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            } catch (IOException e) {
                System.err.println("Cannot append the figures to " + file + ": " + e);
            }
        }
    }

    /** Cores, CPU model and memory, from /proc: figures mean little without the machine. */
    static void machine() {
        CpuShare.start();
        progress("machine: " + machineDescription() + "; load average " + loadAverage());
    }

    static String machineDescription() {
        String model = "unknown CPU";
        long cores = Runtime.getRuntime().availableProcessors();
        String memory = "unknown memory";
        try {
            model = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(model);
            memory = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0 / 1024.0)).findFirst().orElse(memory);
        } catch (IOException | RuntimeException notLinux) {
            // keep the defaults
        }
        return cores + " cores (" + model + "), " + memory + " RAM, Java " + System.getProperty("java.version");
    }

    /** A fact about the run worth keeping beside its figures (a version, a setting): printed, and kept with them. */
    static synchronized void note(String label, String value) {
        line(label, value);
        NOTES.put(label, value);
    }

    /** The 1, 5 and 15 minute load averages: above the core count, something else was competing for the CPU. */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException notLinux) {
            return "unknown";
        }
    }

    /** A mark to measure the CPU a phase costs, with {@link #cpu}: what each process and its JIT compilers used so far. */
    static CpuShare.Snapshot cpuMark() {
        return CpuShare.now();
    }

    /**
     * The CPU the services, PostgreSQL and Kafka used since {@code mark}, per operation: a cost that other processes
     * competing for the CPU do not change, unlike throughput, and what throughput the cores would allow at best.
     */
    static synchronized void cpu(CpuShare.Snapshot mark, long operations, String operation) {
        CpuShare.Snapshot now = CpuShare.now();
        double seconds = CpuShare.total(mark.used(), now.used());
        int cores = Runtime.getRuntime().availableProcessors();
        line("CPU used", CpuShare.describe(mark.used(), now.used()));
        // Still compiling means the figure is not yet the steady state's: say how much of the CPU that was.
        line("  of which JIT compilers", CpuShare.describe(mark.compiling(), now.compiling()));
        if (seconds > 0 && operations > 0) {
            line("CPU per " + operation, String.format(Locale.ROOT, "%.2f ms, so at best ~%s on %d cores with nothing else running",
                    1000 * seconds / operations, rate(cores * operations / seconds), cores));
            CPU_PER_OPERATION.put(block, String.format(Locale.ROOT, "%.2f ms per %s", 1000 * seconds / operations, operation));
        }
    }

    static String ms(double millis) {
        return String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
    }

    static String rate(double perSecond) {
        return String.format(Locale.ROOT, "%,.0f /s", perSecond);
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
