package fr.antiharcelement.bench;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.TimeUnit;

/** Latencies in microseconds in an HdrHistogram (3 significant digits), safe to record from many threads. */
final class Latency {

    private final Histogram histogram = new ConcurrentHistogram(3);

    void recordNanos(long nanos) {
        histogram.recordValue(Math.max(0, TimeUnit.NANOSECONDS.toMicros(nanos)));
    }

    long count() {
        return histogram.getTotalCount();
    }

    /** The {@code percentile} (0 to 100) in milliseconds. */
    double millis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1000.0;
    }

    String describe() {
        return String.format("p50 %s ms, p99 %s ms, max %s ms (%d samples)", Report.ms(millis(50)), Report.ms(millis(99)),
                Report.ms(maxMillis()), count());
    }
}
