package fr.antiharcelement.events.consumer;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.kernel.text.StorableText;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.util.Base64;
import java.util.List;

/** The consumers' tables, in the consumer's transaction: the newest version applied per aggregate, and the dead letters. */
@ApplicationScoped
public class ConsumerStore {

    /** A record that could not be applied, as it was received, with the reason. */
    public record DeadLetter(String topic, int partition, long offset, String key, String eventId, String eventType,
                             String payload, String reason) {

        /**
         * This letter as PostgreSQL can store it. A record holding text a {@code text} column refuses (a NUL byte, an
         * unpaired surrogate) would otherwise fail the insert, and the consumer would retry the same offset forever:
         * its payload is kept Base64-encoded (so nothing is lost), the short fields have such characters replaced.
         */
        DeadLetter storable() {
            boolean payloadStorable = StorableText.problem(payload).isEmpty();
            String storedPayload = payloadStorable ? payload
                    : "base64:" + Base64.getEncoder().encodeToString(payload.getBytes(StandardCharsets.UTF_8));
            String storedReason = payloadStorable ? reason
                    : reason + " (payload stored Base64-encoded: it held text PostgreSQL cannot store)";
            return new DeadLetter(topic, partition, offset, replaced(key), replaced(eventId), replaced(eventType),
                    storedPayload, replaced(storedReason));
        }

        private static String replaced(String text) {
            if (StorableText.problem(text).isEmpty()) {
                return text;
            }
            StringBuilder storable = new StringBuilder(text.length());
            text.codePoints().forEach(c -> storable.appendCodePoint(c == 0 || Character.isSurrogate((char) c) && c <= 0xFFFF ? 0xFFFD : c));
            return storable.toString();
        }
    }

    @Inject
    AgroalDataSource dataSource;

    /**
     * Claims, for {@code consumer}, the events newer than what it applied: their versions are written and their rows
     * stay locked until the transaction ends. Only the events returned may be applied (see {@link VersionClaims}).
     */
    List<IncomingEvent> claim(String consumer, List<IncomingEvent> events) {
        return Jdbc.withConnection(dataSource, connection -> VersionClaims.claim(connection, consumer, events));
    }

    void deadLetter(String consumer, List<DeadLetter> letters) {
        if (letters.isEmpty()) {
            return;
        }
        Jdbc.run(dataSource, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into dead_letter (consumer, topic, partition, record_offset, record_key, event_id, event_type, payload, reason)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""")) {
                for (DeadLetter letter : letters.stream().map(DeadLetter::storable).toList()) {
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
        Jdbc.update(dataSource, "delete from consumed_version where consumer = ?", statement -> statement.setString(1, consumer));
    }
}
