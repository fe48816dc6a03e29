package fr.antiharcelement.events.consumer;

import fr.antiharcelement.kernel.Newest;
import fr.antiharcelement.kernel.sql.Columns;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Version claims in {@code consumed_version}: one upsert per batch that raises each aggregate's version only when the
 * event is newer, and returns the rows it wrote. PostgreSQL's {@code on conflict do update ... where} locks the row and,
 * if another transaction changed it meanwhile, waits for that one and evaluates the condition again on what it
 * committed. So of two consumers holding the same events at once, exactly one claims each version; the other gets
 * nothing back and applies nothing, whatever the interleaving. Rows are claimed in key order, so that two batches
 * over the same aggregates lock them in the same order and cannot deadlock each other.
 */
final class VersionClaims {

    private VersionClaims() {
    }

    /** The events of {@code events} that {@code consumer} now owns; the others were applied already, or are older. */
    static List<IncomingEvent> claim(Connection connection, String consumer, List<IncomingEvent> events) throws SQLException {
        if (events.isEmpty()) {
            return List.of();
        }
        // One row per aggregate: a statement cannot upsert the same row twice.
        List<IncomingEvent> newest = Newest.perKey(events, IncomingEvent::aggregateKey, IncomingEvent::version);
        List<IncomingEvent> inKeyOrder = newest.stream().sorted(Comparator.comparing(IncomingEvent::aggregateKey)).toList();
        Columns claims = new Columns("text", "text", "int8");
        inKeyOrder.forEach(event -> claims.add(event.topic(), event.aggregateId(), event.version()));
        Set<IncomingEvent.AggregateKey> claimed = new HashSet<>();
        try (PreparedStatement upsert = connection.prepareStatement("""
                insert into consumed_version (consumer, topic, aggregate_id, version)
                select ?::text, claim.topic, claim.aggregate_id, claim.version
                from unnest(%s) with ordinality as claim (topic, aggregate_id, version, position)
                order by claim.position
                on conflict (consumer, topic, aggregate_id)
                do update set version = excluded.version where consumed_version.version < excluded.version
                returning topic, aggregate_id""".formatted(claims.placeholders()))) {
            upsert.setString(1, consumer);
            claims.bind(upsert, 2);
            try (ResultSet rows = upsert.executeQuery()) {
                while (rows.next()) {
                    claimed.add(new IncomingEvent.AggregateKey(rows.getString(1), rows.getString(2)));
                }
            }
        }
        // In the order they came: the order within a batch is the applier's business.
        return newest.stream().filter(event -> claimed.contains(event.aggregateKey())).toList();
    }
}
