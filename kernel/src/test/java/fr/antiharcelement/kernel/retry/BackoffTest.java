package fr.antiharcelement.kernel.retry;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackoffTest {

    @Test
    void pausesDoubleUpToTheLongestThenStartOverAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));

        assertThat(backoff.nextPause()).isEqualTo(Duration.ofMillis(100));
        assertThat(backoff.nextPause()).isEqualTo(Duration.ofMillis(200));
        assertThat(backoff.nextPause()).isEqualTo(Duration.ofMillis(400));
        assertThat(backoff.nextPause()).isEqualTo(Duration.ofMillis(500));
        assertThat(backoff.nextPause()).isEqualTo(Duration.ofMillis(500));

        backoff.reset();
        assertThat(backoff.nextPause()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void refusesALongestShorterThanTheFirst() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
