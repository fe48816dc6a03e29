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

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts and stops this service's versioned consumers (one poll thread per member, {@code events.consumer.threads} members
 * each) and tells how they are doing.
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

    /** A consumer's members in this instance: one poll thread each ({@code events.consumer.threads}). */
    private record Running(List<VersionedConsumer> members, List<Thread> threads) {

        boolean caughtUp() {
            return members.stream().allMatch(VersionedConsumer::caughtUp);
        }

        Instant newestEventTime() {
            return members.stream().map(VersionedConsumer::newestEventTime).filter(java.util.Objects::nonNull)
                    .max(Instant::compareTo).orElse(null);
        }

        long lagMillis() {
            return members.stream().mapToLong(VersionedConsumer::lagMillis).max().orElse(0);
        }

        long lagRecords() {
            return members.stream().mapToLong(VersionedConsumer::lagRecords).sum();
        }

        boolean alive() {
            return threads.stream().allMatch(Thread::isAlive);
        }

        void stop() {
            members.forEach(VersionedConsumer::stop);
        }

        /** Waits for every member's last batch, {@code timeout} at most in all. */
        void join(Duration timeout) {
            Instant deadline = Instant.now().plus(timeout);
            for (Thread thread : threads) {
                try {
                    thread.join(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Starts consumer {@code name} (also its Kafka group id) on {@code topicNames}, with {@code events.consumer.threads}
     * members in this instance.
     */
    public void start(String name, List<String> topicNames, EventApplier applier) {
        int count = config.consumer().threads();
        if (count < 1) {
            throw new IllegalStateException("events.consumer.threads is " + count + ": consumer " + name
                    + " needs at least one member to apply its events");
        }
        List<VersionedConsumer> members = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int member = 1; member <= count; member++) {
            String memberName = count == 1 ? name : name + "-" + member;
            VersionedConsumer consumer = new VersionedConsumer(name, memberName, topicNames, applier, store, fence,
                    bootstrapServers, config.consumer(), registry);
            Thread thread = new Thread(() -> {
                ensureTopics(topicNames);
                consumer.run();
            }, "consumer-" + memberName);
            thread.setDaemon(true);
            members.add(consumer);
            threads.add(thread);
        }
        if (running.putIfAbsent(name, new Running(List.copyOf(members), List.copyOf(threads))) != null) {
            throw new IllegalStateException("Consumer " + name + " is already running");
        }
        stopped.remove(name);
        registerLagGauges(name);
        threads.forEach(Thread::start);
    }

    /** Stops consumer {@code name} and waits for its last batches to commit; it may be started again afterwards. */
    public void stop(String name) {
        Running entry = running.remove(name);
        if (entry != null) {
            stopped.put(name, entry);
            entry.stop();
            entry.join(config.consumer().stopTimeout());
        }
    }

    /** Whether every member of consumer {@code name} in this instance has read to the end of its partitions at its last poll. */
    public boolean caughtUp(String name) {
        return find(name).caughtUp();
    }

    /** Re-reads consumer {@code name}'s topics from offset 0. */
    public void replayFromStart(String name) {
        find(name).members().forEach(VersionedConsumer::replayFromStart);
    }

    /** The CloudEvents time of the newest event consumer {@code name} has applied since it started. */
    public Optional<Instant> newestEventTime(String name) {
        return Optional.ofNullable(find(name).newestEventTime());
    }

    /** How far behind consumer {@code name} is, in milliseconds of event time (0 when caught up): its furthest member. */
    public long lagMillis(String name) {
        return find(name).lagMillis();
    }

    /** How many records consumer {@code name}'s members in this instance have still to read. */
    public long lagRecords(String name) {
        return find(name).lagRecords();
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
        running.forEach((name, entry) -> alive.put(name, entry.alive()));
        return alive;
    }

    void stopAll(@Observes ShutdownEvent shutdown) {
        running.values().forEach(Running::stop);
        running.values().forEach(entry -> entry.join(Duration.ofSeconds(10)));
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
            registry.gauge("consumer.lag.records", tags, this, self -> self.lookup(name).map(Running::lagRecords).orElse(0L));
            registry.gauge("consumer.lag.ms", tags, this, self -> self.lookup(name).map(Running::lagMillis).orElse(0L));
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
