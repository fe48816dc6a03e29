package fr.antiharcelement.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * One measured figure, as the closing table and docs/benchmarks.md show it: a value in its unit (rates, counts,
 * seconds, megabytes) and/or latency percentiles, the aim it is held to, the baselines it is read against, and,
 * for a baseline itself, which one it is. {@code benchmark}, {@code block}, {@code othersCpu} and
 * {@code cpuPerOperation} are filled in by {@link Report} from where the figure was taken.
 */
record Figure(String benchmark, String block, String name, Unit unit, Double value, Double p50, Double p99, String aim,
              List<Baseline> against, Baseline provides, Integer othersCpu, String cpuPerOperation) {

    enum Unit { PER_SECOND, MILLISECONDS, COUNT, SECONDS, MEGABYTES }

    static Figure rate(String name, double perSecond) {
        return new Figure(null, null, name, Unit.PER_SECOND, perSecond, null, null, "", List.of(), null, null, null);
    }

    static Figure latency(String name, Latency latency) {
        return new Figure(null, null, name, Unit.MILLISECONDS, null, latency.millis(50), latency.millis(99), "", List.of(), null,
                null, null);
    }

    static Figure count(String name, long count) {
        return new Figure(null, null, name, Unit.COUNT, (double) count, null, null, "", List.of(), null, null, null);
    }

    static Figure seconds(String name, double seconds) {
        return new Figure(null, null, name, Unit.SECONDS, seconds, null, null, "", List.of(), null, null, null);
    }

    static Figure megabytes(String name, double megabytes) {
        return new Figure(null, null, name, Unit.MEGABYTES, megabytes, null, null, "", List.of(), null, null, null);
    }

    /** The same rate with the latency of the requests that made it. */
    Figure with(Latency latency) {
        return new Figure(benchmark, block, name, unit, value, latency.millis(50), latency.millis(99), aim, against, provides,
                othersCpu, cpuPerOperation);
    }

    Figure aim(String newAim) {
        return new Figure(benchmark, block, name, unit, value, p50, p99, newAim, against, provides, othersCpu, cpuPerOperation);
    }

    /** Read against these baselines, measured in the same run. */
    Figure against(Baseline... baselines) {
        List<Baseline> all = new ArrayList<>(against);
        all.addAll(List.of(baselines));
        return new Figure(benchmark, block, name, unit, value, p50, p99, aim, List.copyOf(all), provides, othersCpu,
                cpuPerOperation);
    }

    /** This figure is that baseline. */
    Figure provides(Baseline baseline) {
        return new Figure(benchmark, block, name, unit, value, p50, p99, aim, against, baseline, othersCpu, cpuPerOperation);
    }

    Figure takenIn(String newBenchmark, String newBlock, Integer newOthersCpu) {
        return new Figure(newBenchmark, newBlock, name, unit, value, p50, p99, aim, against, provides, newOthersCpu, cpuPerOperation);
    }

    Figure costing(String newCpuPerOperation) {
        return new Figure(benchmark, block, name, unit, value, p50, p99, aim, against, provides, othersCpu, newCpuPerOperation);
    }

    /** The value in its unit, and the percentiles when there are some: "2,401 /s", "p50 11.3 ms, p99 70.1 ms". */
    String measured() {
        String main = value == null ? "" : switch (unit) {
            case PER_SECOND -> Report.rate(value);
            case COUNT -> Report.count(value.longValue());
            case SECONDS -> String.format(java.util.Locale.ROOT, "%.2f s", value);
            case MEGABYTES -> String.format(java.util.Locale.ROOT, "%,.0f MB", value);
            case MILLISECONDS -> Report.ms(value) + " ms";
        };
        String percentiles = p50 == null ? "" : "p50 " + Report.ms(p50) + " ms, p99 " + Report.ms(p99) + " ms";
        return main.isEmpty() ? percentiles : percentiles.isEmpty() ? main : main + " (" + percentiles + ")";
    }
}
