package fr.antiharcelement.workshop.events;

import fr.antiharcelement.events.outbox.Outbox;
import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.workshop.domain.creator.CreatorPost;
import fr.antiharcelement.workshop.domain.creator.CreatorPostChange;
import fr.antiharcelement.workshop.domain.creator.CreatorPostPublisher;
import fr.antiharcelement.workshop.domain.creator.Metrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Publishes creators' posts through the outbox, in the change's transaction, keyed by post id. */
@ApplicationScoped
public class CreatorPostEvents implements CreatorPostPublisher {

    public static final String TOPIC = "creator-post-events";

    @Inject
    Outbox outbox;

    @Override
    public void post(CreatorPostChange change, CreatorPost post, String creatorName) {
        Metrics current = post.current();
        CreatorPostEvent.Metrics metrics = current == null ? null : new CreatorPostEvent.Metrics(
                CampaignTime.inCampaignTime(current.measuredAt()), current.impressions(), current.accountsReached(), current.views(),
                current.likes(), current.comments(), current.shares(), current.saves());
        outbox.append(TOPIC, post.id.toString(), type(change), post.version, new CreatorPostEvent(post.id, post.campaignCode,
                post.creatorHandle, creatorName, post.platform.name(), post.url, CampaignTime.inCampaignTime(post.publishedAt),
                post.format.name(), metrics, post.version));
    }

    /** The CloudEvents types, as docs/asyncapi.yaml lists them. */
    static String type(CreatorPostChange change) {
        return switch (change) {
            case PUBLISHED -> "creator-post.published";
            case UPDATED -> "creator-post.updated";
            case MEASURED -> "creator-post.measured";
        };
    }
}
