package fr.antiharcelement.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads a topic as a consumer of our events does (read_committed: only records of committed Kafka transactions),
 * from its beginning or from its current end. Never creates the topic: it waits for the service to.
 */
final class CommittedTail implements AutoCloseable {

    private final KafkaConsumer<String, String> consumer;

    CommittedTail(String bootstrapServers, String topic, boolean fromBeginning, Duration topicTimeout) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000),
                new StringDeserializer(), new StringDeserializer());
        Instant deadline = Instant.now().plus(topicTimeout);
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        while (partitions == null || partitions.isEmpty()) {
            if (Instant.now().isAfter(deadline)) {
                consumer.close();
                throw new IllegalStateException("Topic " + topic + " did not appear within " + topicTimeout);
            }
            Pace.sleep(Duration.ofMillis(100)); // the topic is created by the service's first relay batch
            partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        }
        List<TopicPartition> assigned = partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(assigned);
        if (fromBeginning) {
            consumer.seekToBeginning(assigned);
        } else {
            consumer.seekToEnd(assigned);
        }
        assigned.forEach(consumer::position); // resolves the start now, not at the first poll
    }

    Iterable<ConsumerRecord<String, String>> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
