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

    private final Map<String, Long> seenAt = new ConcurrentHashMap<>();
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
                    seenAt.putIfAbsent(keyOf.apply(record), System.nanoTime());
                }
            }
        }, topic + "-arrivals");
        thread.setDaemon(true);
        thread.start();
    }

    /** The {@code System.nanoTime()} at which the record with {@code key} came out of a poll. */
    long at(String key) {
        return seenAt.get(key);
    }

    void await(Iterable<String> keys, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (String key : keys) {
            while (!seenAt.containsKey(key)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Record " + key + " not seen on " + topic + " after " + timeout);
                }
                CommittedTail.sleep(Duration.ofMillis(20));
            }
        }
    }

    /** Open-loop pacing: returns when the {@code i}-th send of one every {@code intervalMillis} from {@code start} is due. */
    static void waitForTurn(long start, int i, int intervalMillis) {
        long due = start + i * intervalMillis * 1_000_000L;
        long wait = due - System.nanoTime();
        if (wait > 0) {
            CommittedTail.sleep(Duration.ofNanos(wait));
            while (System.nanoTime() < due) {
                Thread.onSpinWait();
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
