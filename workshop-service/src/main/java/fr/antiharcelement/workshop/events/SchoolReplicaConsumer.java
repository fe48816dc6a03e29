package fr.antiharcelement.workshop.events;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.events.consumer.EventConsumers;
import fr.antiharcelement.events.consumer.IncomingEvent;
import fr.antiharcelement.workshop.domain.SchoolReplica;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;

/** Keeps {@link SchoolReplica} in step with school-events, through the shared versioned consumer. */
@ApplicationScoped
public class SchoolReplicaConsumer {

    public static final String NAME = "workshop-service.school-replica";
    public static final String TOPIC = "school-events";

    @Inject
    EventConsumers consumers;

    @Inject
    EntityManager entityManager;

    void start(@Observes StartupEvent startup) {
        consumers.start(NAME, List.of(TOPIC), this::apply);
    }

    void apply(List<IncomingEvent> events) {
        for (IncomingEvent event : events) {
            JsonNode data = event.data();
            SchoolReplica school = entityManager.find(SchoolReplica.class, event.aggregateId());
            if (school == null) {
                school = new SchoolReplica();
                school.uai = event.aggregateId();
            }
            school.name = required(data, "name");
            school.academyCode = required(data, "academyCode");
            school.status = required(data, "status");
            school.version = event.version();
            entityManager.merge(school);
        }
    }

    private static String required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new IllegalArgumentException("school event without " + field);
        }
        return value.asText();
    }
}
