package fr.antiharcelement.reach.events;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.events.consumer.IncomingEvent;
import fr.antiharcelement.kernel.Timestamps;
import fr.antiharcelement.reach.domain.online.CampaignOnlineTargets;
import fr.antiharcelement.reach.domain.online.CreatorPostState;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what the online projection needs, as workshop-service's AsyncAPI contract describes it: creator-post events,
 * and the optional online targets of campaign events. What it cannot use throws an {@link IllegalArgumentException}
 * naming what is wrong: the event goes to the dead letters with that reason.
 */
final class OnlineEventDecoder {

    static final String CREATOR_POST_TOPIC = "creator-post-events";
    private static final Set<String> PLATFORMS = Set.of("INSTAGRAM", "TIKTOK", "YOUTUBE", "SNAPCHAT", "TWITCH", "OTHER");

    private OnlineEventDecoder() {
    }

    static List<CreatorPostState> posts(List<IncomingEvent> events) {
        return events.stream().filter(event -> event.topic().equals(CREATOR_POST_TOPIC)).map(OnlineEventDecoder::post).toList();
    }

    static List<CampaignOnlineTargets> targets(List<IncomingEvent> events) {
        return events.stream().filter(event -> event.topic().equals(ReachEventDecoder.CAMPAIGN_TOPIC))
                .map(event -> targets(event.data())).toList();
    }

    /** No online block, or a null one, is a campaign without online targets. */
    static CampaignOnlineTargets targets(JsonNode data) {
        JsonNode online = data.path("targets").path("online");
        return new CampaignOnlineTargets(text(data, "code"), count(online, "impressions"), count(online, "accountsReached"),
                count(online, "engagements"));
    }

    /** Before its first snapshot a post counts as a post, with no impressions, accounts reached or engagements. */
    static CreatorPostState post(IncomingEvent event) {
        JsonNode data = event.data();
        String platform = text(data, "platform");
        if (!PLATFORMS.contains(platform)) {
            throw new IllegalArgumentException("unknown platform " + platform);
        }
        JsonNode metrics = data.path("metrics");
        long engagements = orZero(metrics, "likes") + orZero(metrics, "comments") + orZero(metrics, "shares") + orZero(metrics, "saves");
        return new CreatorPostState(UUID.fromString(event.aggregateId()), event.version(), text(data, "campaignCode"),
                text(data, "creatorHandle"), data.path("creatorName").isTextual() ? data.get("creatorName").asText() : null, platform,
                Timestamps.parse(text(data, "publishedAt")), orZero(metrics, "impressions"), orZero(metrics, "accountsReached"),
                engagements);
    }

    private static long orZero(JsonNode metrics, String field) {
        Long count = count(metrics, field);
        return count == null ? 0 : count;
    }

    /** A whole number, 0 or more, or null when absent. */
    private static Long count(JsonNode object, String field) {
        JsonNode value = object.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
            throw new IllegalArgumentException(field + " is not a count: " + value);
        }
        return value.asLong();
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("event without " + field);
        }
        return value.asText();
    }
}
