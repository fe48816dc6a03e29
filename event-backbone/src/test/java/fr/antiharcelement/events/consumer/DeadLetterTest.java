package fr.antiharcelement.events.consumer;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/** A record the database could not store as it is still becomes a dead letter, so the consumer never loops on it. */
class DeadLetterTest {

    @Test
    void aPayloadWithANulByteIsKeptBase64EncodedAndTheReasonSaysSo() {
        String payload = "{\"name\":\"bad\u0000name\"}";
        ConsumerStore.DeadLetter letter = new ConsumerStore.DeadLetter("school-events", 1, 42, "0350001A", "id-1",
                "school.updated", payload, "unreadable record");

        ConsumerStore.DeadLetter stored = letter.storable();

        assertThat(stored.payload()).startsWith("base64:");
        assertThat(new String(Base64.getDecoder().decode(stored.payload().substring(7)), StandardCharsets.UTF_8))
                .as("decoded payload").isEqualTo(payload);
        assertThat(stored.reason()).contains("Base64");
    }

    @Test
    void shortFieldsHaveTheirUnstorableCharactersReplaced() {
        ConsumerStore.DeadLetter letter = new ConsumerStore.DeadLetter("school-events", 1, 42, "03\u000050001A", "id\uD800",
                "school.updated", "{}", "reason");

        ConsumerStore.DeadLetter stored = letter.storable();

        assertThat(stored.key()).isEqualTo("03\uFFFD50001A");
        assertThat(stored.eventId()).isEqualTo("id\uFFFD");
        assertThat(stored.payload()).as("a storable payload is kept as it is").isEqualTo("{}");
    }
}
