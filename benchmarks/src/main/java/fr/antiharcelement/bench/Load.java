package fr.antiharcelement.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.IntFunction;

/**
 * Closed-loop load: {@code clients} threads, each sending its next request as soon as the previous one answered,
 * until {@code requests} were sent or {@code maxDuration} passed. Every response is timed and its status counted.
 */
final class Load {

    record Outcome(int sent, long succeeded, Map<Integer, Long> failedByStatus, long transportErrors, Duration elapsed,
                   Latency latency, List<String> failureExamples) {

        double perSecond() {
            return sent / (elapsed.toNanos() / 1e9);
        }

        long failed() {
            return sent - succeeded;
        }

        String failures() {
            if (failed() == 0) {
                return "0";
            }
            return failed() + " " + failedByStatus + (transportErrors > 0 ? ", " + transportErrors + " transport errors" : "")
                    + (failureExamples.isEmpty() ? "" : "; e.g. " + failureExamples.get(0));
        }
    }

    private Load() {
    }

    /**
     * The warm-up of a read compared with a baseline read: 16 clients, in rounds of up to 10,000 requests or 10 s,
     * unmeasured, until the JIT compilers have settled ({@link WarmUp}). The same for both, or the one warmed up less
     * is measured while the compiler threads still work beside it.
     */
    static WarmUp.Done warmUp(Http http, IntFunction<HttpRequest> requestFor) {
        return WarmUp.untilCompiled(first -> closedLoop(http, 16, 10_000, Duration.ofSeconds(10),
                i -> requestFor.apply(first + i)).sent(), Duration.ofMinutes(2));
    }

    static Outcome closedLoop(Http http, int clients, int requests, Duration maxDuration, IntFunction<HttpRequest> requestFor) {
        ExecutorService workers = Executors.newFixedThreadPool(clients);
        AtomicInteger next = new AtomicInteger();
        Tally tally = new Tally();
        long deadline = tally.start + maxDuration.toNanos();
        for (int c = 0; c < clients; c++) {
            workers.execute(() -> {
                while (System.nanoTime() < deadline) {
                    int index = next.getAndIncrement();
                    if (index >= requests) {
                        return;
                    }
                    tally.send(http, requestFor.apply(index), System.nanoTime());
                }
            });
        }
        return tally.outcome(workers, maxDuration);
    }

    /**
     * Open-loop load: request {@code i} is due at {@code i / perSecond} seconds, whether earlier ones answered or not,
     * as independent partners would send. Latency counts from when a request was due, not from when a busy client
     * got round to it, so that a slow server cannot hide its queue (coordinated omission).
     */
    static Outcome openLoop(Http http, double perSecond, int requests, IntFunction<HttpRequest> requestFor) {
        ExecutorService workers = Executors.newFixedThreadPool(256);
        Tally tally = new Tally();
        Duration interval = Duration.ofNanos((long) (1e9 / perSecond));
        for (int i = 0; i < requests; i++) {
            Pace.waitForTurn(tally.start, i, interval);
            HttpRequest request = requestFor.apply(i);
            long due = tally.start + i * interval.toNanos();
            workers.execute(() -> tally.send(http, request, due));
        }
        return tally.outcome(workers, Duration.ofMinutes(5));
    }

    /** What the requests of one run answered, recorded from many threads. */
    private static final class Tally {

        final long start = System.nanoTime();
        final AtomicInteger sent = new AtomicInteger();
        final LongAdder succeeded = new LongAdder();
        final LongAdder transportErrors = new LongAdder();
        final Map<Integer, LongAdder> failed = new ConcurrentHashMap<>();
        final List<String> examples = Collections.synchronizedList(new ArrayList<>());
        final Latency latency = new Latency();

        void send(Http http, HttpRequest request, long sinceNanos) {
            try {
                HttpResponse<String> response = http.send(request);
                latency.recordNanos(System.nanoTime() - sinceNanos);
                if (response.statusCode() / 100 == 2) {
                    succeeded.increment();
                } else {
                    failed.computeIfAbsent(response.statusCode(), s -> new LongAdder()).increment();
                    if (examples.size() < 3) {
                        examples.add(response.statusCode() + " " + abbreviate(response.body()));
                    }
                }
            } catch (RuntimeException e) {
                transportErrors.increment();
                if (examples.size() < 3) {
                    examples.add(e.toString());
                }
            }
            sent.incrementAndGet();
        }

        Outcome outcome(ExecutorService workers, Duration maxDuration) {
            workers.shutdown();
            try {
                if (!workers.awaitTermination(maxDuration.toSeconds() + 300, TimeUnit.SECONDS)) {
                    workers.shutdownNow();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                workers.shutdownNow();
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            Map<Integer, Long> byStatus = new TreeMap<>();
            failed.forEach((status, count) -> byStatus.put(status, count.sum()));
            return new Outcome(sent.get(), succeeded.sum(), byStatus, transportErrors.sum(), elapsed, latency, List.copyOf(examples));
        }
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
