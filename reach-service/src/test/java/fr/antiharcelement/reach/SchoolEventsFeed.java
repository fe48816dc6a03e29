package fr.antiharcelement.reach;

import fr.antiharcelement.events.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Publishes school events as school-service does (its AsyncAPI contract), for tests that do not run it. */
public final class SchoolEventsFeed implements AutoCloseable {

    public record Place(String departmentCode, String departmentName, String academyCode, String academyName,
                        String regionCode, String regionName) {
    }

    public static final Place RENNES = new Place("035", "Ille-et-Vilaine", "14", "Rennes", "53", "Bretagne");
    public static final Place NANTES = new Place("044", "Loire-Atlantique", "17", "Nantes", "52", "Pays de la Loire");
    public static final Place LILLE = new Place("059", "Nord", "09", "Lille", "32", "Hauts-de-France");

    private final KafkaProducer<String, String> producer;

    public SchoolEventsFeed(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
                new StringSerializer());
    }

    public void publish(String uai, String name, Place place, long version) {
        String data = """
                {"uai":"%s","name":"%s","type":"COLLEGE","sector":"PUBLIC","communeCode":null,"communeName":"Commune",
                "postalCode":null,"departmentCode":"%s","departmentName":"%s","academyCode":"%s","academyName":"%s",
                "regionCode":"%s","regionName":"%s","educationPriority":"NONE","pupils":500,"status":"OPEN","version":%d}"""
                .formatted(uai, name, place.departmentCode(), place.departmentName(), place.academyCode(), place.academyName(),
                        place.regionCode(), place.regionName(), version);
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), version == 1 ? "school.registered" : "school.updated",
                "/school-service", uai, OffsetDateTime.now(), data);
        try {
            producer.send(new ProducerRecord<>("school-events", null, uai, data, event.headers())).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String uai(int number) {
        String digits = String.format("06%05d", number);
        return digits + "ABCDEFGHJKLMNPRSTUVWXYZ".charAt(Integer.parseInt(digits) % 23);
    }

    @Override
    public void close() {
        producer.close();
    }
}
