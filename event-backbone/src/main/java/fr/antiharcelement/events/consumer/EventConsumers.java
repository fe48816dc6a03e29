package fr.antiharcelement.events.consumer;

import fr.antiharcelement.events.EventsConfig;
import fr.antiharcelement.events.TopicAdmin;
import fr.antiharcelement.kernel.sql.Jdbc;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts and stops this service's versioned consumers (one poll thread each) and tells how they are doing.
 * A service registers one at start-up: {@code consumers.start("reach", topics, applier)}.
 */
@ApplicationScoped
public class EventConsumers {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(EventConsumers.class);

    @Inject
    ConsumerStore store;

    @Inject
    ConsumerFence fence;

    @Inject
    MeterRegistry registry;

    @Inject
    EventsConfig config;

    @Inject
    TopicAdmin topics;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** Consumers stopped on purpose, kept so their last position still answers while they are down (a rebuild's swap). */
    private final Map<String, Running> stopped = new ConcurrentHashMap<>();

    private record Running(VersionedConsumer consumer, Thread thread) {
    }

    /** Starts consumer {@code name} (also its Kafka group id) on {@code topicNames}. */
    public void start(String name, List<String> topicNames, EventApplier applier) {
        VersionedConsumer consumer = new VersionedConsumer(name, topicNames, applier, store, fence, bootstrapServers,
                config.consumer(), registry);
        Thread thread = new Thread(() -> {
            ensureTopics(topicNames);
            consumer.run();
        }, "consumer-" + name);
        thread.setDaemon(true);
        if (running.putIfAbsent(name, new Running(consumer, thread)) != null) {
            throw new IllegalStateException("Consumer " + name + " is already running");
        }
        stopped.remove(name);
        registerLagGauges(name);
        thread.start();
    }

    /** Stops consumer {@code name} and waits for its last batch to commit; it may be started again afterwards. */
    public void stop(String name) {
        Running entry = running.remove(name);
        if (entry != null) {
            stopped.put(name, entry);
            entry.consumer().stop();
            try {
                entry.thread().join(config.consumer().stopTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Whether consumer {@code name} has read to the end of its topics at its last poll. */
    public boolean caughtUp(String name) {
        return find(name).consumer().caughtUp();
    }

    /** Re-reads consumer {@code name}'s topics from offset 0. */
    public void replayFromStart(String name) {
        find(name).consumer().replayFromStart();
    }

    /** The CloudEvents time of the newest event consumer {@code name} has applied since it started. */
    public Optional<Instant> newestEventTime(String name) {
        return Optional.ofNullable(find(name).consumer().newestEventTime());
    }

    /** How far behind consumer {@code name} is, in milliseconds of event time (0 when caught up). */
    public long lagMillis(String name) {
        return find(name).consumer().lagMillis();
    }

    public long lagRecords(String name) {
        return find(name).consumer().lagRecords();
    }

    /** Dead letters, newest first. */
    public List<DeadLetterView> deadLetters(int page, int size) {
        return Jdbc.query(dataSource, """
                select id, consumer, topic, partition, record_offset, record_key, event_id, event_type, payload, reason, received_at
                from dead_letter order by id desc limit ? offset ?""", statement -> {
            statement.setInt(1, size);
            statement.setLong(2, (long) page * size);
        }, row -> new DeadLetterView(row.getLong(1), row.getString(2), row.getString(3), row.getInt(4), row.getLong(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getString(10),
                row.getObject(11, OffsetDateTime.class)));
    }

    public long deadLetterCount() {
        return Jdbc.count(dataSource, "select count(*) from dead_letter", Jdbc.Binder.NONE);
    }

    /** Each consumer's name and whether its poll thread is alive. */
    public Map<String, Boolean> alive() {
        Map<String, Boolean> alive = new java.util.TreeMap<>();
        running.forEach((name, entry) -> alive.put(name, entry.thread().isAlive()));
        return alive;
    }

    void stopAll(@Observes ShutdownEvent shutdown) {
        running.values().forEach(entry -> entry.consumer().stop());
        for (Running entry : running.values()) {
            try {
                entry.thread().join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void ensureTopics(List<String> topicNames) {
        boolean warned = false;
        while (true) {
            try {
                topicNames.forEach(topics::ensure);
                return;
            } catch (RuntimeException kafkaNotThereYet) {
                if (!warned) {
                    LOG.warnf(kafkaNotThereYet, "Cannot create topics %s yet, retrying", topicNames);
                    warned = true;
                }
                try {
                    java.util.concurrent.TimeUnit.SECONDS.sleep(1); // until the broker answers: the poll loop needs its topics
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Registered once per name, reading whichever instance runs, or last ran, under that name. */
    private void registerLagGauges(String name) {
        Tags tags = Tags.of("consumer", name);
        if (registry.find("consumer.lag.records").tags(tags).gauge() == null) {
            registry.gauge("consumer.lag.records", tags, this, self -> self.lookup(name).map(r -> r.consumer().lagRecords()).orElse(0L));
            registry.gauge("consumer.lag.ms", tags, this, self -> self.lookup(name).map(r -> r.consumer().lagMillis()).orElse(0L));
        }
    }

    private Optional<Running> lookup(String name) {
        return Optional.ofNullable(running.getOrDefault(name, stopped.get(name)));
    }

    private Running find(String name) {
        Running found = running.getOrDefault(name, stopped.get(name));
        if (found == null) {
            throw new IllegalArgumentException("No consumer named " + name);
        }
        return found;
    }
}
