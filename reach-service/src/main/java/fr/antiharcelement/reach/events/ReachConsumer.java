package fr.antiharcelement.reach.events;

import fr.antiharcelement.events.consumer.EventConsumers;
import fr.antiharcelement.events.consumer.IncomingEvent;
import fr.antiharcelement.events.consumer.VersionKeepingApplier;
import fr.antiharcelement.reach.domain.ProjectionFeed;
import fr.antiharcelement.reach.domain.ReachProjection;
import fr.antiharcelement.reach.domain.online.OnlineProjection;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Set;

/**
 * Feeds the reach projection and its online side from the four topics, through the shared versioned consumer. The
 * projection keeps each workshop's version on its contribution row, so the consumer claims none for workshop events
 * (see {@link VersionKeepingApplier}).
 */
@ApplicationScoped
public class ReachConsumer implements ProjectionFeed, VersionKeepingApplier {

    public static final String NAME = "reach-service.projection";
    public static final List<String> TOPICS = List.of(ReachEventDecoder.SCHOOL_TOPIC, ReachEventDecoder.CAMPAIGN_TOPIC,
            ReachEventDecoder.WORKSHOP_TOPIC, OnlineEventDecoder.CREATOR_POST_TOPIC);

    @Inject
    EventConsumers consumers;

    @Inject
    ReachProjection projection;

    @Inject
    OnlineProjection online;

    void onStart(@Observes StartupEvent startup) {
        start();
    }

    /** Starts the live consumer, at start-up; it runs until the service stops (a rebuild never stops it). */
    void start() {
        consumers.start(NAME, TOPICS, this);
    }

    @Override
    public Set<String> versionedTopics() {
        return Set.of(ReachEventDecoder.WORKSHOP_TOPIC);
    }

    /** Decodes a batch, then applies it; both in the consumer's transaction, so a bad event goes to the dead letters. */
    @Override
    public int applyNewer(List<IncomingEvent> events) {
        int stale = projection.apply(ReachEventDecoder.batch(events));
        online.apply(OnlineEventDecoder.targets(events), OnlineEventDecoder.posts(events));
        return stale;
    }

    /** This feed, with {@code redirect} run in each batch's transaction before it applies (the rebuild's shadow tables). */
    VersionKeepingApplier redirected(Runnable redirect) {
        return VersionKeepingApplier.of(versionedTopics(), events -> {
            redirect.run();
            return applyNewer(events);
        });
    }

    @Override
    public long lagMillis() {
        return consumers.lagMillis(NAME);
    }
}
