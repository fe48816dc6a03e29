package fr.antiharcelement.reach.events;

import fr.antiharcelement.events.CloudEvent;
import fr.antiharcelement.events.consumer.EventConsumers;
import fr.antiharcelement.events.consumer.IncomingEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One reach instance consumes as two members of its consumer group ({@code events.consumer.threads=2}), each with
 * partitions, batches and transactions of its own; the totals' exactness under two members is the model tests' and the
 * scale-out test's. Here: that the two members share the topics between them, and that a member the group gives nothing
 * does not keep the consumer from being caught up (a rebuild waits for that before it swaps).
 */
@QuarkusTest
class ProjectionMembersTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EventConsumers consumers;

    @Test
    void theProjectionsTwoMembersShareEveryPartitionOfItsTopicsBetweenThem() throws Exception {
        try (Admin admin = admin()) {
            Set<TopicPartition> partitions = new HashSet<>();
            for (TopicDescription topic : admin.describeTopics(ReachConsumer.TOPICS).allTopicNames().get(30, TimeUnit.SECONDS).values()) {
                topic.partitions().forEach(partition -> partitions.add(new TopicPartition(topic.name(), partition.partition())));
            }

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(ReachConsumer.NAME))
                        .describedGroups().get(ReachConsumer.NAME).get(30, TimeUnit.SECONDS);
                Map<String, Set<TopicPartition>> byMember = group.members().stream().collect(Collectors.toMap(
                        MemberDescription::clientId, member -> member.assignment().topicPartitions(), (a, b) -> {
                            throw new AssertionError("two members with one client id");
                        }));
                assertThat(byMember).as("the group's members").containsOnlyKeys(ReachConsumer.NAME + "-1", ReachConsumer.NAME + "-2");
                assertThat(byMember.values()).as("each member's partitions").allSatisfy(mine -> assertThat(mine).isNotEmpty());
                Set<TopicPartition> first = byMember.get(ReachConsumer.NAME + "-1");
                Set<TopicPartition> second = byMember.get(ReachConsumer.NAME + "-2");
                assertThat(first).as("partitions both members hold").doesNotContainAnyElementsOf(second);
                Set<TopicPartition> both = new HashSet<>(first);
                both.addAll(second);
                assertThat(both).as("partitions the two members hold").isEqualTo(partitions);
            });
        }
    }

    @Test
    void aMemberGivenNoPartitionDoesNotKeepTheConsumerFromCatchingUp() throws Exception {
        String topic = "members-test-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        List<IncomingEvent> applied = new CopyOnWriteArrayList<>();
        String name = "members-test-" + UUID.randomUUID();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers), new StringSerializer(), new StringSerializer())) {
            for (int n = 1; n <= 3; n++) {
                String key = "aggregate-" + n;
                String data = "{\"version\":1}";
                CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), "test.event", "/test", key, OffsetDateTime.now(), data);
                producer.send(new ProducerRecord<>(topic, null, key, data, event.headers())).get(30, TimeUnit.SECONDS);
            }
        }

        consumers.start(name, List.of(topic), applied::addAll);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> consumers.caughtUp(name));

            assertThat(applied).extracting(IncomingEvent::aggregateId)
                    .containsExactlyInAnyOrder("aggregate-1", "aggregate-2", "aggregate-3");
        } finally {
            consumers.stop(name);
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers));
    }
}
