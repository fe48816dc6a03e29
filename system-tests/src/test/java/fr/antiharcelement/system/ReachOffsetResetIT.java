package fr.antiharcelement.system;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An operator rewinds reach-service's consumer group to the beginning of every topic (a mistaken reset, or a
 * deliberate one after an incident). Reading every event again must change nothing: each is older than or as
 * old as what reach already applied. Totals stay what they were, for this campaign and every other one.
 */
class ReachOffsetResetIT {

    private static final String GROUP = "reach-service.projection";
    private static final List<String> TOPICS = List.of("school-events", "campaign-events", "workshop-events");

    private final RunningSystem system = RunningSystem.get();

    @AfterEach
    void reachRunning() {
        system.startReachIfStopped();
    }

    @Test
    void rereadingEveryTopicFromOffsetZeroChangesNoTotal() throws Exception {
        CampaignFixture campaign = CampaignFixture.create(system, "offset-reset", 6);
        for (int n = 0; n < 90; n++) {
            CampaignFixture.Workshop workshop = campaign.schedule(campaign.knownSchool(n), n % 6 != 5);
            if (n % 3 != 0) {
                campaign.complete(workshop, 20 + n % 12);
            }
        }
        campaign.awaitReachTotals(Duration.ofSeconds(60));
        CampaignFixture.Totals expected = campaign.expected();
        Map<String, Object> everyCampaignBefore = everyCampaignTotals();

        // Stopped cleanly, its consumer has left the group: Kafka lets only an empty group's offsets be changed.
        system.reach.close();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, system.infra.kafka().bootstrapServers()))) {
            Map<TopicPartition, Long> whereItWas = committedOffsets(admin);
            Map<TopicPartition, OffsetAndMetadata> beginning = new HashMap<>();
            for (TopicDescription topic : admin.describeTopics(TOPICS).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
                // Events are kept for ever, so offset 0 is the beginning of each partition.
                topic.partitions().forEach(p -> beginning.put(new TopicPartition(topic.name(), p.partition()), new OffsetAndMetadata(0)));
            }
            admin.alterConsumerGroupOffsets(GROUP, beginning).all().get(10, TimeUnit.SECONDS);
            assertThat(committedOffsets(admin).values()).as("rewound").containsOnly(0L);
            long events = whereItWas.values().stream().mapToLong(Long::longValue).sum();

            long start = System.nanoTime();
            system.reach.start();
            // While it reads everything again, totals never move; it is done when it is back where it was.
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() -> {
                assertThat(campaign.reach()).as("totals during the re-read").isEqualTo(expected);
                Map<TopicPartition, Long> now = committedOffsets(admin);
                return whereItWas.entrySet().stream().allMatch(p -> now.getOrDefault(p.getKey(), 0L) >= p.getValue());
            });
            System.out.printf("[figure] reach re-read %d records from offset 0 in %d ms, totals unchanged%n", events,
                    Duration.ofNanos(System.nanoTime() - start).toMillis());
        }

        assertThat(campaign.reach()).isEqualTo(expected);
        assertThat(everyCampaignTotals()).isEqualTo(everyCampaignBefore);
        campaign.assertReachAuditClean();
    }

    /** Every campaign reach knows, with its totals (not its freshness, which moves as it reads). */
    private Map<String, Object> everyCampaignTotals() {
        List<Map<String, Object>> campaigns = system.asViewer(system.reach).get("/api/v1/reach/campaigns")
                .then().statusCode(200).extract().path("$");
        Map<String, Object> totals = new TreeMap<>();
        campaigns.forEach(c -> totals.put((String) c.get("code"), c.get("totals")));
        return totals;
    }

    private static Map<TopicPartition, Long> committedOffsets(Admin admin) throws Exception {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS)
                .forEach((partition, offset) -> offsets.put(partition, offset == null ? 0L : offset.offset()));
        return offsets;
    }
}
