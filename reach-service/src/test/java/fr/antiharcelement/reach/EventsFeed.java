package fr.antiharcelement.reach;

import fr.antiharcelement.events.CloudEvent;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** Publishes campaign and workshop events as workshop-service does (its AsyncAPI contract). */
public final class EventsFeed implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public EventsFeed(String bootstrapServers) {
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 5), new StringSerializer(), new StringSerializer());
    }

    public void campaign(String code, int targetStudents) {
        campaign(code, targetStudents, "2021-09-01", "2022-06-30");
    }

    public void campaign(String code, int targetStudents, String startsOn, String endsOn) {
        String data = """
                {"code":"%s","name":"Campagne %s","startsOn":"%s","endsOn":"%s","targets":{"studentsSensitised":%d,
                "parentsSensitised":null,"studentWorkshops":1800,"parentWorkshops":200,"schools":300},"version":1}"""
                .formatted(code, code, startsOn, endsOn, targetStudents);
        send("campaign-events", code, "campaign.defined", data);
    }

    public void workshop(UUID id, String campaign, String school, String partner, String audience, String startsAt, String status,
                         Integer attendees, long version) {
        workshop(id, campaign, school, partner, audience, null, startsAt, status, attendees, version);
    }

    /** A workshop for pupils of {@code classLevel} (SIXIEME ... TROISIEME), or null. */
    public void workshop(UUID id, String campaign, String school, String partner, String audience, String classLevel, String startsAt,
                         String status, Integer attendees, long version) {
        String data = """
                {"id":"%s","campaignCode":"%s","schoolUai":"%s","partnerCode":"%s","partnerName":"Partner %s",
                "facilitatorId":"%s","audience":"%s","classLevel":%s,"startsAt":"%s","endsAt":"%s","capacity":30,
                "status":"%s","attendees":%s,"cancellationReasonCode":null,"version":%d}"""
                .formatted(id, campaign, school, partner, partner, new UUID(0, 1), audience,
                        classLevel == null ? "null" : "\"" + classLevel + "\"", startsAt,
                        OffsetDateTime.parse(startsAt).plusHours(2), status, attendees, version);
        send("workshop-events", id.toString(), "workshop." + status.toLowerCase(), data);
    }

    /** A campaign with online targets (impressions, accounts reached, engagements; each may be null). */
    public void campaignWithOnlineTargets(String code, Long impressions, Long accountsReached, Long engagements) {
        String data = """
                {"code":"%s","name":"Campagne %s","startsOn":"2021-09-01","endsOn":"2022-06-30","targets":{"studentsSensitised":5000,
                "parentsSensitised":null,"studentWorkshops":1800,"parentWorkshops":200,"schools":300,
                "online":{"impressions":%s,"accountsReached":%s,"engagements":%s}},"version":1}"""
                .formatted(code, code, impressions, accountsReached, engagements);
        send("campaign-events", code, "campaign.defined", data);
    }

    /**
     * A creator's post as workshop-service publishes it, with its current figures ({@code impressions} null: none yet);
     * likes, comments, shares and saves are given as one engagements figure split over the four.
     */
    public void creatorPost(UUID id, String campaign, String creator, String platform, String publishedAt, Long impressions,
                            long accountsReached, long engagements, long version) {
        String metrics = impressions == null ? "null" : """
                {"measuredAt":"%s","impressions":%d,"accountsReached":%d,"views":null,"likes":%d,"comments":%d,"shares":%d,"saves":%d}"""
                .formatted(OffsetDateTime.parse(publishedAt).plusDays(version), impressions, accountsReached, engagements / 2,
                        engagements / 4, engagements / 8, engagements - engagements / 2 - engagements / 4 - engagements / 8);
        String data = """
                {"id":"%s","campaignCode":"%s","creatorHandle":"%s","creatorName":"Creator %s","platform":"%s",
                "url":"https://example.org/%s","publishedAt":"%s","format":"VIDEO","metrics":%s,"version":%d}"""
                .formatted(id, campaign, creator, creator, platform, id, publishedAt, metrics, version);
        send("creator-post-events", id.toString(), version == 1 ? "creator-post.published" : "creator-post.measured", data);
    }

    public void raw(String topic, String key, String value) {
        producer.send(new ProducerRecord<>(topic, key, value));
    }

    private void send(String topic, String key, String type, String data) {
        CloudEvent event = new CloudEvent(UUID.randomUUID().toString(), type, "/workshop-service", key, OffsetDateTime.now(), data);
        producer.send(new ProducerRecord<>(topic, null, key, data, event.headers()));
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
