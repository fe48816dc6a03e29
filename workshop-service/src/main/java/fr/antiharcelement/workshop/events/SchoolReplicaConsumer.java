package fr.antiharcelement.workshop.events;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.events.consumer.EventConsumers;
import fr.antiharcelement.events.consumer.IncomingEvent;
import fr.antiharcelement.workshop.domain.SchoolReplication;
import fr.antiharcelement.workshop.domain.SchoolState;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/** Reads school-events, through the shared versioned consumer, into the school replica. */
@ApplicationScoped
public class SchoolReplicaConsumer {

    public static final String NAME = "workshop-service.school-replica";
    public static final String TOPIC = "school-events";

    @Inject
    EventConsumers consumers;

    @Inject
    SchoolReplication replication;

    void start(@Observes StartupEvent startup) {
        consumers.start(NAME, List.of(TOPIC), this::apply);
    }

    void apply(List<IncomingEvent> events) {
        for (IncomingEvent event : events) {
            replication.apply(schoolState(event));
        }
    }

    /** @throws IllegalArgumentException when a field the replica keeps is missing: the event goes to the dead letters */
    private static SchoolState schoolState(IncomingEvent event) {
        JsonNode data = event.data();
        return new SchoolState(event.aggregateId(), required(data, "name"), required(data, "academyCode"),
                required(data, "status"), optional(data, "type"), event.version());
    }

    /** A field the replica keeps when the event has it (the school's type decides where pupil workshops may be held). */
    private static String optional(JsonNode data, String field) {
        JsonNode value = data.get(field);
        return value == null || !value.isTextual() || value.asText().isBlank() ? null : value.asText();
    }

    private static String required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("school event without " + field);
        }
        return value.asText();
    }
}
