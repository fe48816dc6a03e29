package fr.antiharcelement.bench;

import java.time.Duration;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * Unmeasured load until the JVMs under test have compiled what it runs through. A service started for a benchmark
 * runs its requests interpreted, then through C1, then C2 code, method by method as each gets hot: at 50 school
 * registrations a second, school-service's C2 compiler still used 40% of a core after 3,500 requests, and a
 * registration cost 12 ms of CPU instead of the 4.4 it costs once compiled (2026-11-29, fourth session). A fixed
 * count of warm-up requests is either too few for a slow pace or wasted on a fast one; the compilers' own CPU says
 * when the steady state is reached, whatever the pace.
 */
final class WarmUp {

    /**
     * The steady state: the JIT compilers of the services, Kafka and the load generator took under this share of the
     * CPU that all of them used during a round. A share of a core would be unfair to a busy machine: workshop-service
     * still compiled at a fifth of a core after 51,000 creations with both cores busy.
     */
    private static final double SETTLED = 0.10;

    private WarmUp() {
    }

    /** What a warm-up did, for the report. */
    record Done(int requests, Duration elapsed, double compilerShare) {
        String describe() {
            return String.format(Locale.ROOT, "%,d requests in %.0f s, until the JIT compilers took %.0f%% of the CPU used",
                    requests, elapsed.toMillis() / 1e3, 100 * compilerShare);
        }
    }

    /**
     * Runs rounds of load, {@code round} being given the index of its first request and answering how many it sent,
     * until the JIT compilers took under a tenth of the CPU used during a round, or {@code limit} has passed. A round
     * should last some seconds, or the share it measures is mostly noise.
     */
    static Done untilCompiled(IntUnaryOperator round, Duration limit) {
        return untilCompiled(round, 0, limit);
    }

    /**
     * The same, but never fewer than {@code minimum} requests: for a path whose compilers settle in bursts, where a
     * quiet round says little about the next.
     */
    static Done untilCompiled(IntUnaryOperator round, int minimum, Duration limit) {
        long start = System.nanoTime();
        int sent = 0;
        double share;
        do {
            CpuShare.Snapshot before = CpuShare.now();
            sent += round.applyAsInt(sent);
            CpuShare.Snapshot after = CpuShare.now();
            double used = CpuShare.all(before.used(), after.used());
            share = used <= 0 ? 0 : CpuShare.all(before.compiling(), after.compiling()) / used;
            Report.progress(String.format(Locale.ROOT, "warming up: %,d requests, JIT compilers at %.0f%% of the CPU used", sent, 100 * share));
        } while ((share >= SETTLED || sent < minimum) && System.nanoTime() - start < limit.toNanos());
        return new Done(sent, Duration.ofNanos(System.nanoTime() - start), share);
    }
}
