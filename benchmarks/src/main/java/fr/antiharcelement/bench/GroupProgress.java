package fr.antiharcelement.bench;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * How far a consumer group has got through its topics, read from the broker: the offsets it committed against the
 * ends of the partitions. Our consumers commit a batch's offsets only once its database transaction has committed,
 * so a committed offset counts records handled (applied, skipped as not newer, or dead-lettered). Asking the
 * broker costs the service under test nothing. Scraping its {@code /q/metrics} five times a second to count the same
 * made it compute every gauge each time, a breakdown query among them: 7% of the ingest's database time in one
 * profile, where Prometheus would scrape every 15 s.
 */
final class GroupProgress implements AutoCloseable {

    private static final long TIMEOUT_SECONDS = 10;

    private final Admin admin;
    private final String group;
    private final Collection<String> topics;

    GroupProgress(String bootstrapServers, String group, Collection<String> topics) {
        this.admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
        this.group = group;
        this.topics = topics;
    }

    /** The end of every partition of the topics now (none for a topic not created yet): call it before writing. */
    Map<TopicPartition, Long> ends() {
        Set<String> existing = get(admin.listTopics().names());
        List<String> present = topics.stream().filter(existing::contains).toList();
        if (present.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, OffsetSpec> latest = get(admin.describeTopics(present).allTopicNames()).values().stream()
                .flatMap(topic -> topic.partitions().stream().map(p -> new TopicPartition(topic.name(), p.partition())))
                .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        get(admin.listOffsets(latest).all()).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }

    /**
     * What the group is to handle of the records written since {@code before} (the ends then), taken once they are
     * written and before a service starts to consume them. Only the partitions written to count: another may end with
     * a Kafka transaction's commit marker, an offset no consumer ever commits.
     */
    Mark mark(Map<TopicPartition, Long> before) {
        Map<TopicPartition, Long> written = new HashMap<>();
        ends().forEach((partition, end) -> {
            if (end > before.getOrDefault(partition, 0L)) {
                written.put(partition, end);
            }
        });
        return new Mark(written, Mark.remaining(written, committed()));
    }

    /** The ends of the partitions written to, and how many records up to them the group had not handled then. */
    record Mark(Map<TopicPartition, Long> ends, long toHandle) {

        /** Records up to the ends that the group has not handled, given what it has committed now. */
        long remaining(Map<TopicPartition, Long> committed) {
            return remaining(ends, committed);
        }

        private static long remaining(Map<TopicPartition, Long> ends, Map<TopicPartition, Long> committed) {
            return ends.entrySet().stream()
                    .mapToLong(end -> Math.max(0, end.getValue() - committed.getOrDefault(end.getKey(), 0L))).sum();
        }
    }

    /** The group's committed offset in each partition it has committed in. */
    Map<TopicPartition, Long> committed() {
        Map<TopicPartition, OffsetAndMetadata> offsets = get(admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata());
        Map<TopicPartition, Long> committed = new HashMap<>();
        offsets.forEach((partition, offset) -> {
            if (offset != null && topics.contains(partition.topic())) {
                committed.put(partition, offset.offset());
            }
        });
        return committed;
    }

    private static <T> T get(KafkaFuture<T> future) {
        try {
            return future.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while asking the broker for offsets", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("The broker did not give the offsets: " + e, e);
        }
    }

    @Override
    public void close() {
        admin.close();
    }
}
