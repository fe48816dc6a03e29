package fr.antiharcelement.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a benchmark prints: progress lines, one block of figures per measurement, and a closing table. */
final class Report {

    private record Figure(String name, String measured, String aim) {
    }

    private static final List<Figure> FIGURES = new ArrayList<>();

    private Report() {
    }

    static void progress(String line) {
        System.out.println("[bench " + LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "] " + line);
    }

    static void block(String title) {
        System.out.println();
        System.out.println("=== " + title + " ===");
        line("CPU since the previous block", CpuShare.sinceLastMark());
    }

    static void line(String label, Object value) {
        System.out.printf("  %-34s %s%n", label, value);
    }

    /** A headline figure: printed in its block and again in the closing table, next to its aim. */
    static synchronized void figure(String name, String measured, String aim) {
        line(name, measured + (aim.isEmpty() ? "" : "   (aim " + aim + ")"));
        FIGURES.add(new Figure(name, measured, aim));
    }

    static synchronized void summary() {
        if (FIGURES.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("=== summary (load average at the end: " + loadAverage() + ") ===");
        System.out.printf("  %-44s %-22s %s%n", "figure", "measured", "aim");
        for (Figure figure : FIGURES) {
            System.out.printf("  %-44s %-22s %s%n", figure.name(), figure.measured(), figure.aim());
        }
    }

    /** Cores, CPU model and memory, from /proc: figures mean little without the machine. */
    static void machine() {
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
        CpuShare.start();
        progress("machine: " + cores + " cores (" + model + "), " + memory + " RAM, Java " + System.getProperty("java.version")
                + "; load average " + loadAverage());
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

    /** A mark to measure the CPU a phase costs, with {@link #cpu}. */
    static java.util.Map<String, Double> cpuMark() {
        return CpuShare.used();
    }

    /**
     * The CPU the services, PostgreSQL and Kafka used since {@code mark}, per operation: a cost that other processes
     * competing for the CPU do not change, unlike throughput, and what throughput the cores would allow at best.
     */
    static void cpu(java.util.Map<String, Double> mark, long operations, String operation) {
        java.util.Map<String, Double> now = CpuShare.used();
        double seconds = CpuShare.total(mark, now);
        int cores = Runtime.getRuntime().availableProcessors();
        line("CPU used", CpuShare.describe(mark, now));
        if (seconds > 0 && operations > 0) {
            line("CPU per " + operation, String.format(Locale.ROOT, "%.2f ms, so at best ~%s on %d cores with nothing else running",
                    1000 * seconds / operations, rate(cores * operations / seconds), cores));
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
