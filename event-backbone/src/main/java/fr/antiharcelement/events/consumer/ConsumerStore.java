package fr.antiharcelement.events.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The consumers' tables: the newest version applied per aggregate, and the dead letters. */
@ApplicationScoped
public class ConsumerStore {

    /** A record that could not be applied, as it was received, with the reason. */
    public record DeadLetter(String topic, int partition, long offset, String key, String eventId, String eventType,
                             String payload, String reason) {
    }

    @Inject
    EntityManager entityManager;

    /** The events among {@code events} that are newer than what {@code consumer} applied for their aggregate. */
    List<IncomingEvent> newerThanApplied(String consumer, List<IncomingEvent> events) {
        Map<String, Long> applied = new HashMap<>();
        Map<String, List<IncomingEvent>> byTopic = events.stream().collect(Collectors.groupingBy(IncomingEvent::topic));
        session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select aggregate_id, version from consumed_version
                    where consumer = ? and topic = ? and aggregate_id = any (?)""")) {
                for (Map.Entry<String, List<IncomingEvent>> topic : byTopic.entrySet()) {
                    Array ids = connection.createArrayOf("text", topic.getValue().stream().map(IncomingEvent::aggregateId).toArray());
                    select.setString(1, consumer);
                    select.setString(2, topic.getKey());
                    select.setArray(3, ids);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            applied.put(topic.getKey() + '\u0000' + rows.getString(1), rows.getLong(2));
                        }
                    }
                }
            }
        });
        List<IncomingEvent> fresh = new ArrayList<>();
        for (IncomingEvent event : events) {
            Long version = applied.get(event.topic() + '\u0000' + event.aggregateId());
            if (version == null || event.version() > version) {
                fresh.add(event);
            }
        }
        return fresh;
    }

    /** Records the versions applied, in one statement for the batch; a version never goes back. */
    void recordApplied(String consumer, List<IncomingEvent> events) {
        // One row per aggregate: a statement cannot upsert the same row twice.
        Map<String, IncomingEvent> newest = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            newest.merge(event.topic() + '\u0000' + event.aggregateId(), event,
                    (kept, candidate) -> candidate.version() > kept.version() ? candidate : kept);
        }
        session().doWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement("""
                    insert into consumed_version (consumer, topic, aggregate_id, version)
                    select ?::text, applied.* from unnest(?::text[], ?::text[], ?::bigint[]) as applied
                    on conflict (consumer, topic, aggregate_id)
                    do update set version = excluded.version where consumed_version.version < excluded.version""")) {
                upsert.setString(1, consumer);
                upsert.setArray(2, connection.createArrayOf("text", newest.values().stream().map(IncomingEvent::topic).toArray()));
                upsert.setArray(3, connection.createArrayOf("text", newest.values().stream().map(IncomingEvent::aggregateId).toArray()));
                upsert.setArray(4, connection.createArrayOf("int8", newest.values().stream().map(IncomingEvent::version).toArray()));
                upsert.executeUpdate();
            }
        });
    }

    void deadLetter(String consumer, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into dead_letter (consumer, topic, partition, record_offset, record_key, event_id, event_type, payload, reason)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                for (DeadLetter letter : letters) {
                    insert.setString(1, consumer);
                    insert.setString(2, letter.topic());
                    insert.setInt(3, letter.partition());
                    insert.setLong(4, letter.offset());
                    insert.setString(5, letter.key());
                    insert.setString(6, letter.eventId());
                    insert.setString(7, letter.eventType());
                    insert.setString(8, letter.payload());
                    insert.setString(9, letter.reason());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Forgets what {@code consumer} applied, so that a replay from offset 0 applies everything again (rebuilds). */
    public void forget(String consumer) {
        entityManager.createNativeQuery("delete from consumed_version where consumer = ?1").setParameter(1, consumer).executeUpdate();
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
