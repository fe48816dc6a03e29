package fr.antiharcelement.bench;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Notes when each record of a topic first became readable by a read_committed consumer, polling from the topic's
 * end, under a key of the caller's choosing: for latencies from a commit to its consumer.
 */
final class Arrivals implements AutoCloseable {

    private final Map<String, Arrival> seen = new ConcurrentHashMap<>();
    private final String topic;
    private final CommittedTail tail;
    private final Thread thread;
    private volatile boolean running = true;

    Arrivals(String bootstrapServers, String topic, Function<ConsumerRecord<String, String>, String> keyOf) {
        this.topic = topic;
        tail = new CommittedTail(bootstrapServers, topic, false, Duration.ofSeconds(30));
        thread = new Thread(() -> {
            while (running) {
                for (ConsumerRecord<String, String> record : tail.poll(Duration.ofMillis(100))) {
                    seen.putIfAbsent(keyOf.apply(record),
                            new Arrival(System.nanoTime(), System.currentTimeMillis() - record.timestamp()));
                }
            }
        }, topic + "-arrivals");
        thread.setDaemon(true);
        thread.start();
    }

    /** The {@code System.nanoTime()} at which the record with {@code key} came out of a poll. */
    long at(String key) {
        return seen.get(key).at();
    }

    /**
     * Milliseconds from the producer's send of the record with {@code key} to its poll here: the record's timestamp is
     * the producer's clock at {@code send}, the same machine's, at millisecond resolution.
     */
    long fromSendMillis(String key) {
        return seen.get(key).fromSendMillis();
    }

    /**
     * When a record first came out of a poll ({@code System.nanoTime()}), and how long after the producer's send, by
     * the record's timestamp.
     */
    private record Arrival(long at, long fromSendMillis) {
    }

    void await(Iterable<String> keys, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String key : keys) {
            while (!seen.containsKey(key)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Record " + key + " not seen on " + topic + " after " + timeout);
                }
                Pace.sleep(Duration.ofMillis(20));
            }
        }
    }

    @Override
    public void close() {
        running = false;
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tail.close();
    }
}
