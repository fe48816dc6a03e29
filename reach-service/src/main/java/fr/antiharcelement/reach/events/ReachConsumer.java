package fr.antiharcelement.reach.events;

import fr.antiharcelement.events.consumer.EventConsumers;
import fr.antiharcelement.reach.domain.ReachProjection;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;

/** Feeds the reach projection from the three topics, through the shared versioned consumer. */
@ApplicationScoped
public class ReachConsumer {

    public static final String NAME = "reach-service.projection";
    public static final List<String> TOPICS = List.of(ReachProjection.SCHOOL_TOPIC, ReachProjection.CAMPAIGN_TOPIC,
            ReachProjection.WORKSHOP_TOPIC);

    @Inject
    EventConsumers consumers;

    @Inject
    ReachProjection projection;

    void start(@Observes StartupEvent startup) {
        consumers.start(NAME, TOPICS, projection::apply);
    }
}
