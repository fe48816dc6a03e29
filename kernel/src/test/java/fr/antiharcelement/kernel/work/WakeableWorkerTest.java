package fr.antiharcelement.kernel.work;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class WakeableWorkerTest {

    private static final Duration LONG = Duration.ofMinutes(1);

    private final WakeableWorker worker = new WakeableWorker("test-worker");

    @AfterEach
    void stopped() {
        worker.stop(Duration.ofSeconds(5));
    }

    @Test
    void aWakeUpStartsALookWithoutWaitingForTheTimeout() throws InterruptedException {
        CountDownLatch secondLook = new CountDownLatch(2);
        startCountingLooks(secondLook, LONG);

        worker.wake();

        assertThat(secondLook.await(10, TimeUnit.SECONDS)).as("a second look, well before the minute's timeout").isTrue();
    }

    @Test
    void aWaitThatTimesOutLooksAgainUnwoken() throws InterruptedException {
        CountDownLatch looks = new CountDownLatch(3);
        startCountingLooks(looks, Duration.ofMillis(10));

        assertThat(looks.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void wakeUpsDuringALookAreServedByOneMoreLookNotOneEach() throws InterruptedException {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch woken = new CountDownLatch(1);
        AtomicBoolean sawWakeUps = new AtomicBoolean();
        AtomicLong secondWaitNanos = new AtomicLong();
        CountDownLatch secondLookWaited = new CountDownLatch(1);
        AtomicInteger looks = new AtomicInteger();
        worker.start(() -> {
            while (worker.running()) {
                int look = looks.incrementAndGet();
                if (look == 1) {
                    working.countDown();
                    awaitQuietly(woken);
                    sawWakeUps.set(worker.wokenMeanwhile());
                    worker.awaitWakeUp(LONG); // returns at once: it was woken meanwhile
                } else if (look == 2) {
                    long started = System.nanoTime();
                    worker.awaitWakeUp(Duration.ofMillis(200)); // nothing left to serve: waits it out
                    secondWaitNanos.set(System.nanoTime() - started);
                    secondLookWaited.countDown();
                } else {
                    worker.awaitWakeUp(LONG);
                }
            }
        });
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();

        worker.wake();
        worker.wake();
        worker.wake();
        woken.countDown();

        assertThat(secondLookWaited.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(sawWakeUps).isTrue();
        assertThat(Duration.ofNanos(secondWaitNanos.get())).as("the second look's wait, not cut short by the first's wake-ups")
                .isGreaterThanOrEqualTo(Duration.ofMillis(190));
    }

    @Test
    void stopEndsTheLoopThatWaits() throws InterruptedException {
        CountDownLatch ended = new CountDownLatch(1);
        worker.start(() -> {
            while (worker.running()) {
                worker.awaitWakeUp(LONG);
            }
            ended.countDown();
        });

        worker.stop(Duration.ofSeconds(5));

        assertThat(ended.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(worker.running()).isFalse();
    }

    @Test
    void stopWithoutGraceDoesNotWaitForTheLookUnderWay() throws InterruptedException {
        CountDownLatch working = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        worker.start(() -> {
            working.countDown();
            try {
                release.await(1, TimeUnit.MINUTES); // a look that outlasts the stop
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertThat(working.await(10, TimeUnit.SECONDS)).isTrue();

        CompletableFuture<Void> stopped = CompletableFuture.runAsync(() -> worker.stop(Duration.ZERO));

        assertThat(stopped).as("a join of zero would wait for ever").succeedsWithin(Duration.ofSeconds(5));
        assertThat(worker.running()).isFalse();
        release.countDown();
    }

    /** A loop that counts each look down, then waits for a wake-up at most {@code wait}. */
    private void startCountingLooks(CountDownLatch looks, Duration wait) {
        worker.start(() -> {
            while (worker.running()) {
                looks.countDown();
                worker.awaitWakeUp(wait);
            }
        });
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
