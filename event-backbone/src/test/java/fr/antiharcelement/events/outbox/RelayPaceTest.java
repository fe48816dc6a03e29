package fr.antiharcelement.events.outbox;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RelayPaceTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final Duration LONGEST = Duration.ofMillis(20);

    private final RelayPace pace = new RelayPace(LONGEST, 200, 0);

    /** Publishes one row at a time at {@code perSecond} for {@code seconds}, from {@code from}; returns the time after. */
    private long steady(int perSecond, int seconds, long from) {
        long gap = SECOND / perSecond;
        long now = from;
        for (int i = 0; i < perSecond * seconds; i++) {
            now += gap;
            pace.published(1, now);
        }
        return now;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    @Test
    void a_relay_that_has_published_nothing_does_not_linger() {
        assertThat(pace.lingerNanos(SECOND)).isZero();
    }

    @Test
    void at_a_light_load_a_busy_relay_lingers_in_proportion_to_the_pace() {
        long now = steady(50, 5, 0);

        assertThat(pace.perSecond(now)).isCloseTo(50, within(1.0));
        assertThat(millis(pace.lingerNanos(now))).isCloseTo(5.0, within(0.2));
    }

    @Test
    void under_a_steady_load_at_the_full_pace_or_above_it_lingers_the_whole_linger() {
        long now = steady(200, 5, 0);
        assertThat(millis(pace.lingerNanos(now))).isCloseTo(20.0, within(0.2));

        now = steady(1_000, 2, now);
        assertThat(pace.lingerNanos(now)).isEqualTo(LONGEST.toNanos());
    }

    @Test
    void the_pace_follows_a_drop_in_load_within_seconds() {
        long now = steady(200, 5, 0);

        now = steady(20, 5, now);

        assertThat(pace.perSecond(now)).as("five seconds later").isCloseTo(20, within(2.0));
        assertThat(millis(pace.lingerNanos(now))).isCloseTo(2.0, within(0.3));
    }

    @Test
    void a_burst_of_full_batches_fades_once_it_is_over() {
        long now = 0;
        for (int batch = 0; batch < 120; batch++) { // an import's events: 60,000 rows in six seconds
            now += SECOND / 20;
            pace.published(500, now);
        }
        assertThat(pace.lingerNanos(now)).isEqualTo(LONGEST.toNanos());

        assertThat(pace.lingerNanos(now + 10 * SECOND)).as("ten seconds later").isLessThan(TimeUnit.MILLISECONDS.toNanos(1));
    }

    @Test
    void a_full_pace_of_zero_is_refused() {
        assertThatThrownBy(() -> new RelayPace(LONGEST, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
