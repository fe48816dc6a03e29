package fr.antiharcelement.bench;

import fr.antiharcelement.bench.Places.Department;
import fr.antiharcelement.infra.kafka.LocalKafka;
import fr.antiharcelement.kernel.CampaignTime;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes events straight to the topics, as school-service and workshop-service publish them (CloudEvents 1.0 in
 * Kafka binary mode, full state and version, key = aggregate id; see docs/asyncapi.yaml), for benchmarks that need
 * far more events than the services' APIs would make in the time.
 */
final class SyntheticEvents implements AutoCloseable {

    static final String SCHOOL_TOPIC = "school-events";
    static final String CAMPAIGN_TOPIC = "campaign-events";
    static final String WORKSHOP_TOPIC = "workshop-events";

    /** A workshop's full state, as workshop-events carry it. */
    record Workshop(UUID id, String campaignCode, String schoolUai, String partnerCode, UUID facilitatorId, String audience,
                    String classLevel, OffsetDateTime startsAt, String status, Integer attendees, String cancellationReasonCode,
                    long version) {

        Workshop next(String newStatus, Integer newAttendees, String reason, OffsetDateTime newStart) {
            return new Workshop(id, campaignCode, schoolUai, partnerCode, facilitatorId, audience, classLevel, newStart, newStatus,
                    newAttendees, reason, version + 1);
        }
    }

    private final KafkaProducer<String, String> producer;
    private final AtomicLong sent = new AtomicLong();
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final String occurredAt = OffsetDateTime.now(ZoneOffset.UTC).toString();

    SyntheticEvents(String bootstrapServers) {
        createTopics(bootstrapServers);
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.LINGER_MS_CONFIG, 20,
                ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false, // a bulk load, not a transactional relay
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 1, // keeps each aggregate's events in order
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024),
                new StringSerializer(), new StringSerializer());
    }

    /** The topics as the services create them ({@link LocalKafka#TOPIC_PARTITIONS} partitions), each partition led before the first record. */
    private static void createTopics(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            java.util.Set<String> existing = admin.listTopics().names().get(30, java.util.concurrent.TimeUnit.SECONDS);
            List<NewTopic> missing = java.util.stream.Stream.of(SCHOOL_TOPIC, CAMPAIGN_TOPIC, WORKSHOP_TOPIC)
                    .filter(topic -> !existing.contains(topic)).map(topic -> new NewTopic(topic, LocalKafka.TOPIC_PARTITIONS, (short) 1)).toList();
            admin.createTopics(missing).all().get(30, java.util.concurrent.TimeUnit.SECONDS);
            // A new topic's partitions have no leader for a moment: producing then only earns retries.
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (!admin.describeTopics(List.of(SCHOOL_TOPIC, CAMPAIGN_TOPIC, WORKSHOP_TOPIC)).allTopicNames()
                    .get(30, java.util.concurrent.TimeUnit.SECONDS).values().stream()
                    .allMatch(topic -> topic.partitions().stream().allMatch(partition -> partition.leader() != null))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("The topics have no leader after 30 s");
                }
                Pace.sleep(java.time.Duration.ofMillis(100));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot create the topics: " + e, e);
        }
    }

    long sent() {
        return sent.get();
    }

    void school(String uai, String name, Department place) {
        String data = "{\"uai\":\"" + uai + "\",\"name\":\"" + name + "\",\"type\":\"COLLEGE\",\"sector\":\"PUBLIC\","
                + "\"communeCode\":null,\"communeName\":\"Commune\",\"postalCode\":null,\"departmentCode\":\"" + place.code()
                + "\",\"departmentName\":\"" + json(place.name()) + "\",\"academyCode\":\"" + place.academyCode()
                + "\",\"academyName\":\"" + json(place.academyName()) + "\",\"regionCode\":\"" + place.regionCode()
                + "\",\"regionName\":\"" + json(place.regionName()) + "\",\"educationPriority\":\"NONE\",\"pupils\":540,"
                + "\"status\":\"OPEN\",\"version\":1}";
        send(SCHOOL_TOPIC, uai, "school.registered", "/school-service", data);
    }

    void campaign(String code, LocalDate startsOn, LocalDate endsOn) {
        String data = "{\"code\":\"" + code + "\",\"name\":\"Campagne nationale " + code + "\",\"startsOn\":\"" + startsOn
                + "\",\"endsOn\":\"" + endsOn + "\",\"targets\":{\"studentsSensitised\":20000000,\"parentsSensitised\":null,"
                + "\"studentWorkshops\":900000,\"parentWorkshops\":100000,\"schools\":7000},\"version\":1}";
        send(CAMPAIGN_TOPIC, code, "campaign.defined", "/workshop-service", data);
    }

    void workshop(String type, Workshop w) {
        String data = "{\"id\":\"" + w.id() + "\",\"campaignCode\":\"" + w.campaignCode() + "\",\"schoolUai\":\"" + w.schoolUai()
                + "\",\"partnerCode\":\"" + w.partnerCode() + "\",\"partnerName\":\"Association " + w.partnerCode()
                + "\",\"facilitatorId\":\"" + w.facilitatorId() + "\",\"audience\":\"" + w.audience() + "\",\"classLevel\":"
                + (w.classLevel() == null ? "null" : "\"" + w.classLevel() + "\"") + ",\"startsAt\":\"" + w.startsAt()
                + "\",\"endsAt\":\"" + w.startsAt().plusHours(2) + "\",\"capacity\":30,\"status\":\"" + w.status()
                + "\",\"attendees\":" + w.attendees() + ",\"cancellationReasonCode\":"
                + (w.cancellationReasonCode() == null ? "null" : "\"" + w.cancellationReasonCode() + "\"") + ",\"version\":" + w.version() + "}";
        send(WORKSHOP_TOPIC, w.id().toString(), type, "/workshop-service", data);
    }

    private void send(String topic, String key, String type, String source, String data) {
        List<Header> headers = List.of(header("ce_specversion", "1.0"), header("ce_id", UUID.randomUUID().toString()),
                header("ce_type", type), header("ce_source", source), header("ce_time", occurredAt),
                header("ce_subject", key), header("content-type", "application/json"));
        producer.send(new ProducerRecord<>(topic, null, key, data, headers), (metadata, error) -> {
            if (error != null) {
                failure.compareAndSet(null, error);
            }
        });
        sent.incrementAndGet();
    }

    /** Waits until every record sent so far is acknowledged; fails if any was not. */
    void flush() {
        producer.flush();
        if (failure.get() != null) {
            throw new IllegalStateException("Producing events failed", failure.get());
        }
    }

    @Override
    public void close() {
        producer.close();
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    /**
     * A workshop stream for one campaign: every workshop's first event (three in four completed with a headcount,
     * the rest scheduled), and for about one in ten a later event (attendance corrected, rescheduled or cancelled)
     * that comes {@code followUpDistance} workshops later in the stream, as corrections come days later.
     */
    static final class WorkshopStream {

        record Counts(long workshops, long events, long corrections, long cancellations, long reschedules) {
        }

        private static final String[] CLASS_LEVELS = {"SIXIEME", "CINQUIEME", "QUATRIEME", "TROISIEME"};

        private final SyntheticEvents events;
        private final String campaign;
        private final List<String> schools;
        private final LocalDate firstDay;
        private final int days;
        private final long idPrefix;
        private final int followUpDistance;
        private final Random random;
        /** An event to write once the stream has reached workshop number {@code due}. */
        private record FollowUp(long due, Runnable write) {
        }

        private final Deque<FollowUp> followUps = new ArrayDeque<>();
        private long corrections;
        private long cancellations;
        private long reschedules;

        WorkshopStream(SyntheticEvents events, String campaign, List<String> schools, LocalDate firstDay, LocalDate lastDay,
                       long idPrefix, int followUpDistance, long seed) {
            this.events = events;
            this.campaign = campaign;
            this.schools = schools;
            this.firstDay = firstDay;
            this.days = (int) (lastDay.toEpochDay() - firstDay.toEpochDay()) + 1;
            this.idPrefix = idPrefix;
            this.followUpDistance = followUpDistance;
            this.random = new Random(seed);
        }

        Counts write(long workshops) {
            long before = events.sent();
            for (long n = 0; n < workshops; n++) {
                while (!followUps.isEmpty() && followUps.peekFirst().due() <= n) {
                    followUps.pollFirst().write().run();
                }
                first(n);
            }
            while (!followUps.isEmpty()) {
                followUps.pollFirst().write().run();
            }
            return new Counts(workshops, events.sent() - before, corrections, cancellations, reschedules);
        }

        private void first(long n) {
            boolean students = random.nextInt(10) != 0;
            Workshop scheduled = new Workshop(new UUID(idPrefix, n), campaign, schools.get(random.nextInt(schools.size())),
                    "partner-" + (1 + random.nextInt(12)), new UUID(idPrefix + 1, random.nextInt(2_000)),
                    students ? "STUDENTS" : "PARENTS", students ? CLASS_LEVELS[random.nextInt(4)] : null, startTime(),
                    "SCHEDULED", null, null, 1);
            if (random.nextInt(4) != 0) {
                Workshop completed = scheduled.next("COMPLETED", students ? 12 + random.nextInt(20) : 4 + random.nextInt(20),
                        null, scheduled.startsAt());
                events.workshop("workshop.completed", completed);
                int draw = random.nextInt(100);
                if (draw < 8) {
                    later(n, () -> {
                        corrections++;
                        events.workshop("workshop.attendance-corrected",
                                completed.next("COMPLETED", Math.max(0, completed.attendees() + random.nextInt(7) - 3), null,
                                        completed.startsAt()));
                    });
                } else if (draw < 11) {
                    later(n, () -> {
                        cancellations++;
                        events.workshop("workshop.cancelled", completed.next("CANCELLED", completed.attendees(),
                                "RECORDED_BY_MISTAKE", completed.startsAt()));
                    });
                }
            } else {
                events.workshop("workshop.scheduled", scheduled);
                int draw = random.nextInt(100);
                if (draw < 6) {
                    later(n, () -> {
                        reschedules++;
                        events.workshop("workshop.rescheduled", scheduled.next("SCHEDULED", null, null, startTime()));
                    });
                } else if (draw < 10) {
                    later(n, () -> {
                        cancellations++;
                        events.workshop("workshop.cancelled", scheduled.next("CANCELLED", null, "SCHOOL_CLOSED", scheduled.startsAt()));
                    });
                }
            }
        }

        private void later(long n, Runnable followUp) {
            followUps.addLast(new FollowUp(n + followUpDistance, followUp));
        }

        /** A weekday of the campaign, between 8:00 and 16:00 Paris time. */
        private OffsetDateTime startTime() {
            LocalDate day = firstDay.plusDays(random.nextInt(days));
            while (day.getDayOfWeek().getValue() > 5) {
                day = day.plusDays(1);
            }
            return day.atTime(8 + random.nextInt(9), 0).atZone(CampaignTime.ZONE).toOffsetDateTime();
        }
    }
}
