package fr.antiharcelement.events.consumer;

import fr.antiharcelement.events.KafkaClients;
import fr.antiharcelement.events.CloudEvent;
import fr.antiharcelement.events.EventsConfig;
import fr.antiharcelement.kernel.Newest;
import fr.antiharcelement.kernel.retry.Backoff;
import fr.antiharcelement.kernel.sql.SqlFailures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * One poll thread that applies events exactly once in effect: per polled batch, one database transaction holds
 * the service's effect and the versions it applied; Kafka offsets are committed only after that commit. A
 * duplicate, a replay from offset 0 or a stale event finds a version at least as new and changes nothing; a
 * record that cannot be applied goes to the dead letters with its reason and the stream goes on.
 */
final class VersionedConsumer implements Runnable {

    private static final Logger LOG = Logger.getLogger(VersionedConsumer.class);

    private final String name;
    private final List<String> topics;
    private final VersionKeepingApplier applier;
    /** The topics whose events are passed to the applier unclaimed: it keeps their versions itself. */
    private final Set<String> keptByApplier;
    private final ConsumerStore store;
    private final ConsumerFence fence;
    private final EventsConfig.Consumer settings;
    private final Map<String, Object> kafkaConfig;
    private final Counter applied;
    private final Counter skipped;
    private final Counter deadLettered;
    private final AtomicLong lagRecords = new AtomicLong();
    private final AtomicLong lagMillis = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean replayRequested;
    private volatile Instant newestEventTime;
    private volatile boolean caughtUp;
    /** Whether the group's last rebalance gave this member its partitions, if any: until then its position says nothing. */
    private volatile boolean joined;
    private KafkaConsumer<String, String> consumer;

    /**
     * Consumer {@code name}'s member {@code clientId}: {@code name} is the Kafka group every member of every instance joins,
     * the client id tells them apart in the broker's logs.
     */
    VersionedConsumer(String name, String clientId, List<String> topics, EventApplier applier, ConsumerStore store,
                      ConsumerFence fence, String bootstrapServers, EventsConfig.Consumer settings, MeterRegistry registry) {
        this.fence = fence;
        this.name = name;
        this.topics = List.copyOf(topics);
        this.applier = VersionKeepingApplier.of(applier);
        this.keptByApplier = Set.copyOf(this.applier.versionedTopics());
        this.store = store;
        this.settings = settings;
        this.kafkaConfig = KafkaClients.secured(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, name,
                ConsumerConfig.CLIENT_ID_CONFIG, clientId,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, settings.maxPollRecords(),
                ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, settings.maxPartitionFetchBytes(),
                ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, (int) settings.sessionTimeout().toMillis()));
        Tags tags = Tags.of("consumer", name);
        applied = registry.counter("consumer.events.applied", tags);
        skipped = registry.counter("consumer.events.skipped", tags.and("reason", "not newer"));
        deadLettered = registry.counter("consumer.dead.letters", tags);
    }

    String name() {
        return name;
    }

    /** The CloudEvents time of the newest event applied since start, or null. */
    Instant newestEventTime() {
        return newestEventTime;
    }

    /** How far behind the topics this consumer is, in milliseconds of event time (0 when caught up). */
    long lagMillis() {
        return lagMillis.get();
    }

    long lagRecords() {
        return lagRecords.get();
    }

    /**
     * Whether the last poll found this member in the group and at the end of every partition it was given. A member given
     * none (more members than partitions) has nothing to catch up on.
     */
    boolean caughtUp() {
        return caughtUp;
    }

    /** Re-reads the topics from the beginning (a replay changes nothing; it proves that, or rebuilds). */
    void replayFromStart() {
        replayRequested = true;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    void stop() {
        running = false;
        KafkaConsumer<String, String> current = consumer;
        if (current != null) {
            current.wakeup();
        }
    }

    @Override
    public void run() {
        Backoff backoff = new Backoff(settings.firstBackoff(), settings.maxBackoff());
        while (running) {
            try (KafkaConsumer<String, String> kafka = new KafkaConsumer<>(kafkaConfig, new StringDeserializer(),
                    new StringDeserializer())) {
                consumer = kafka;
                kafka.subscribe(topics, membership);
                LOG.infof("Consumer %s subscribed to %s", name, topics);
                while (running) {
                    if (replayRequested && joined) {
                        replayRequested = false;
                        kafka.seekToBeginning(kafka.assignment());
                        LOG.infof("Consumer %s replaying %s from the beginning", name, kafka.assignment());
                    }
                    pollOnce(kafka);
                    backoff.reset();
                }
            } catch (WakeupException wakeup) {
                // stop() or replayFromStart(): the loop decides what comes next
            } catch (RuntimeException e) {
                Duration pause = backoff.nextPause();
                LOG.warnf("Consumer %s failed, restarting from the last committed offsets in %d ms: %s", name,
                        pause.toMillis(), e.toString());
                pause(pause);
            } finally {
                consumer = null;
                joined = false;
            }
        }
    }

    /** Tells {@link #caughtUp()} and the replay when the group has given this member its partitions (none is an answer too). */
    private final ConsumerRebalanceListener membership = new ConsumerRebalanceListener() {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            joined = false;
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            joined = false;
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            joined = true;
        }
    };

    private void pollOnce(KafkaConsumer<String, String> kafka) {
        Polled polled = poll(kafka);
        if (!polled.isEmpty()) {
            process(polled.readable(), polled.unreadable());
            kafka.commitSync(polled.nextOffsets());
        }
        updateLag(kafka);
    }

    /**
     * A poll's records read into events, and the offsets to commit once they are applied. The records themselves (their
     * headers, their bytes) are let go here, before the batch's transaction: a batch of thousands kept them all
     * alive until its commit for nothing, the events holding what they need of them.
     */
    private Polled poll(KafkaConsumer<String, String> kafka) {
        ConsumerRecords<String, String> records = kafka.poll(settings.pollTimeout());
        List<IncomingEvent> readable = new ArrayList<>(records.count());
        List<ConsumerStore.DeadLetter> unreadable = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            try {
                readable.add(read(record));
            } catch (RuntimeException e) {
                unreadable.add(deadLetter(record, null, "unreadable record: " + e.getMessage()));
            }
        }
        return new Polled(readable, unreadable, nextOffsets(records));
    }

    private record Polled(List<IncomingEvent> readable, List<ConsumerStore.DeadLetter> unreadable,
                          Map<TopicPartition, OffsetAndMetadata> nextOffsets) {

        boolean isEmpty() {
            return nextOffsets.isEmpty();
        }
    }

    private void process(List<IncomingEvent> readable, List<ConsumerStore.DeadLetter> unreadable) {
        List<IncomingEvent> candidates = Newest.perKey(readable, IncomingEvent::aggregateKey, IncomingEvent::version);
        try {
            int appliedCount = QuarkusTransaction.requiringNew().call(() -> {
                int count = claimAndApply(candidates);
                store.deadLetter(name, unreadable);
                return count;
            });
            account(readable.size() - appliedCount, appliedCount, unreadable.size(), candidates);
        } catch (RuntimeException batchFailure) {
            if (SqlFailures.isTransient(batchFailure)) {
                throw batchFailure;
            }
            LOG.warnf("Consumer %s: a batch of %d failed (%s); applying its events one by one", name, candidates.size(),
                    batchFailure.toString());
            applyOneByOne(readable.size(), candidates, unreadable);
        }
    }

    /**
     * Claims the events' versions, then applies only those it claimed, in the caller's transaction. The claim is
     * one upsert that raises each aggregate's version only if it is newer and returns the rows it changed: a second
     * instance processing the same records at the same time (a member the group expelled after a long pause while
     * its transaction still runs) waits on those rows and, once the first commits, claims nothing, so the effect is
     * applied once. Reading versions first and writing them after, as before, let both apply it. The events of topics
     * whose versions the applier keeps itself are passed unclaimed, after the claimed ones: it applies those only if newer
     * (see {@link VersionKeepingApplier}).
     */
    private int claimAndApply(List<IncomingEvent> candidates) {
        fence.enterBatch(name);
        Map<Boolean, List<IncomingEvent>> keptOrClaimed = candidates.stream()
                .collect(Collectors.partitioningBy(event -> keptByApplier.contains(event.topic())));
        List<IncomingEvent> toApply = new ArrayList<>(store.claim(name, keptOrClaimed.get(false)));
        toApply.addAll(keptOrClaimed.get(true));
        if (toApply.isEmpty()) {
            return 0;
        }
        return toApply.size() - applier.applyNewer(toApply);
    }

    /** After a batch failure: each event in its own transaction, the ones that still fail to the dead letters. */
    private void applyOneByOne(int readableCount, List<IncomingEvent> candidates, List<ConsumerStore.DeadLetter> unreadable) {
        int appliedCount = 0;
        List<ConsumerStore.DeadLetter> dead = new ArrayList<>(unreadable);
        for (IncomingEvent event : candidates) {
            try {
                appliedCount += QuarkusTransaction.requiringNew().call(() -> claimAndApply(List.of(event)));
            } catch (RuntimeException e) {
                if (SqlFailures.isTransient(e)) {
                    throw e;
                }
                LOG.warnf("Consumer %s: event %s (%s %s v%d) sent to the dead letters: %s", name, event.cloudEvent().id(),
                        event.type(), event.aggregateId(), event.version(), rootMessage(e));
                dead.add(new ConsumerStore.DeadLetter(event.topic(), event.partition(), event.offset(), event.aggregateId(),
                        event.cloudEvent().id(), event.type(), event.cloudEvent().data(), rootMessage(e)));
            }
        }
        QuarkusTransaction.requiringNew().run(() -> store.deadLetter(name, dead));
        account(readableCount - appliedCount - (dead.size() - unreadable.size()), appliedCount, dead.size(), candidates);
    }

    /** Counts what a batch did: applied, skipped as not newer than what was applied, dead-lettered. */
    private void account(int skippedCount, int appliedCount, int deadCount, List<IncomingEvent> candidates) {
        applied.increment(appliedCount);
        skipped.increment(skippedCount);
        deadLettered.increment(deadCount);
        candidates.stream().map(event -> event.cloudEvent().time()).filter(time -> time != null)
                .map(OffsetDateTime::toInstant).max(Instant::compareTo)
                .ifPresent(time -> newestEventTime = newestEventTime == null || time.isAfter(newestEventTime) ? time : newestEventTime);
    }

    private IncomingEvent read(ConsumerRecord<String, String> record) {
        if (record.key() == null) {
            throw new IllegalArgumentException("record has no key");
        }
        if (record.value() == null) {
            throw new IllegalArgumentException("record has no value");
        }
        CloudEvent cloudEvent = CloudEvent.from(record.key(), record.headers(), record.value());
        return new IncomingEvent(record.topic(), record.partition(), record.offset(), record.key(),
                IncomingEvent.versionOf(record.value()), cloudEvent);
    }

    private static ConsumerStore.DeadLetter deadLetter(ConsumerRecord<String, String> record, String type, String reason) {
        String eventId = record.headers().lastHeader("ce_id") == null ? null
                : new String(record.headers().lastHeader("ce_id").value(), java.nio.charset.StandardCharsets.UTF_8);
        return new ConsumerStore.DeadLetter(record.topic(), record.partition(), record.offset(), record.key(), eventId, type,
                record.value(), reason);
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<String, String> records) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, String>> inPartition = records.records(partition);
            offsets.put(partition, new OffsetAndMetadata(inPartition.get(inPartition.size() - 1).offset() + 1));
        }
        return offsets;
    }

    private void updateLag(KafkaConsumer<String, String> kafka) {
        long behind = 0;
        boolean known = joined;
        for (TopicPartition partition : kafka.assignment()) {
            java.util.OptionalLong lag = kafka.currentLag(partition);
            known &= lag.isPresent();
            behind += lag.orElse(0);
        }
        lagRecords.set(behind);
        caughtUp = known && behind == 0 && !replayRequested;
        Instant newest = newestEventTime;
        lagMillis.set(caughtUp || newest == null ? 0 : Math.max(0, Duration.between(newest, Instant.now()).toMillis()));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void pause(Duration duration) {
        try {
            java.util.concurrent.TimeUnit.MILLISECONDS.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
