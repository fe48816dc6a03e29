package fr.antiharcelement.events.consumer;

import fr.antiharcelement.events.CloudEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IncomingEventTest {

    @Test
    void theVersionIsTheDataTopLevelVersionWhateverItsPlaceAndWhateverElseTheDataHolds() {
        assertThat(IncomingEvent.versionOf("""
                {"school":{"version":9,"names":["a",{"version":8}]},"version":3,"attendees":null,"ratio":0.5}""")).isEqualTo(3);
        assertThat(IncomingEvent.versionOf("{\"version\":12345678901}")).isEqualTo(12_345_678_901L);
    }

    @Test
    void aRecordWhoseTextIsNotJsonIsRefusedAsSuchEvenWhenItsVersionCameFirst() {
        for (String notJson : new String[] {"{\"version\":1,", "{\"version\":1,\"name\":\"x}", "{\"version\":1} trailing", "version=1"}) {
            assertThatThrownBy(() -> IncomingEvent.versionOf(notJson)).as(notJson)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("value is not JSON");
        }
    }

    @Test
    void dataWithoutAPositiveIntegerVersionIsRefused() {
        for (String data : new String[] {"{}", "{\"version\":0}", "{\"version\":-2}", "{\"version\":\"3\"}", "{\"version\":1.5}",
                "{\"version\":null}", "{\"version\":99999999999999999999}", "[1,2]", "3", "", "{\"data\":{\"version\":4}}"}) {
            assertThatThrownBy(() -> IncomingEvent.versionOf(data)).as(data)
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("data has no positive integer version");
        }
    }

    @Test
    void theDataIsReadFromTheRecordTextWhenAsked() {
        IncomingEvent event = new IncomingEvent("school-events", 0, 7, "0750001A", 2,
                new CloudEvent("e-1", "school.updated", "/school-service", "0750001A", null, "{\"uai\":\"0750001A\",\"version\":2}"));

        assertThat(event.data().get("uai").asText()).isEqualTo("0750001A");
        assertThat(event.data().get("version").asLong()).isEqualTo(event.version());
    }
}
