package fr.antiharcelement.workshop.events;

import fr.antiharcelement.events.CloudEvent;
import fr.antiharcelement.events.consumer.EventConsumers;
import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.SchoolReplica;
import fr.antiharcelement.workshop.domain.SchoolReplicaStore;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class SchoolReplicaTest {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    SchoolReplicaStore schools;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    EventConsumers consumers;

    @Inject
    MeterRegistry registry;

    @Test
    void theReplicaConvergesDespiteDuplicatesStaleEventsAndABadRecordAndAReplayChangesNothing() throws Exception {
        String a = uai();
        String b = uai();
        String c = uai();
        long deadLettersBefore = consumers.deadLetterCount();
        try (KafkaProducer<String, String> producer = producer()) {
            send(producer, a, 1, "Collège A1", "OPEN");
            send(producer, a, 2, "Collège A2", "OPEN");
            send(producer, a, 2, "Collège A2", "OPEN");          // duplicate delivery
            send(producer, a, 3, "Collège A3", "OPEN");
            send(producer, a, 1, "Collège A1", "OPEN");          // stale, late
            producer.send(new ProducerRecord<>(SchoolReplicaConsumer.TOPIC, b, "{not json")).get(); // no CloudEvent at all
            send(producer, b, 1, "Collège B", "OPEN");           // after the bad record on the same partition
            send(producer, c, 1, "Collège C", "OPEN");
            send(producer, c, 2, "Collège C", "CLOSED");
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(replica(a)).isNotNull().extracting(s -> s.name, s -> s.version).containsExactly("Collège A3", 3L);
            assertThat(replica(b)).isNotNull().extracting(s -> s.name, s -> s.version).containsExactly("Collège B", 1L);
            assertThat(replica(c)).isNotNull().extracting(s -> s.status, s -> s.version).containsExactly("CLOSED", 2L);
        });
        assertThat(consumers.deadLetterCount()).isEqualTo(deadLettersBefore + 1);
        assertThat(consumers.deadLetters(0, 1).get(0).reason()).contains("unreadable record");

        double appliedBefore = applied();
        List<String> before = snapshot();
        consumers.replayFromStart(SchoolReplicaConsumer.NAME);
        double skippedBefore = skipped();

        await().atMost(Duration.ofSeconds(30)).until(() -> skipped() >= skippedBefore + 8);
        assertThat(snapshot()).isEqualTo(before);
        assertThat(applied()).isEqualTo(appliedBefore);
        assertThat(consumers.deadLetterCount()).isEqualTo(deadLettersBefore + 1);
    }

    private void send(KafkaProducer<String, String> producer, String uai, long version, String name, String status) throws Exception {
        String data = "{\"uai\":\"%s\",\"name\":\"%s\",\"type\":\"COLLEGE\",\"academyCode\":\"14\",\"status\":\"%s\",\"version\":%d}"
                .formatted(uai, name, status, version);
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), "school.updated", "/school-service", uai,
                OffsetDateTime.now(), data);
        producer.send(new ProducerRecord<>(SchoolReplicaConsumer.TOPIC, null, uai, data, event.headers())).get();
    }

    private SchoolReplica replica(String uai) {
        return QuarkusTransaction.requiringNew().call(() -> schools.withUai(uai).orElse(null));
    }

    private List<String> snapshot() {
        return Jdbc.query(dataSource, "select uai, name, status, version from school_replica order by uai", Jdbc.Binder.NONE,
                row -> row.getString(1) + "|" + row.getString(2) + "|" + row.getString(3) + "|" + row.getLong(4));
    }

    private double applied() {
        return registry.counter("consumer.events.applied", "consumer", SchoolReplicaConsumer.NAME).count();
    }

    private double skipped() {
        return registry.counter("consumer.events.skipped", "consumer", SchoolReplicaConsumer.NAME, "reason", "not newer").count();
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new StringSerializer());
    }

    private static String uai() {
        String digits = "08" + String.format("%05d", ThreadLocalRandom.current().nextInt(100_000));
        return digits + "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(Integer.parseInt(digits) % 23);
    }
}
