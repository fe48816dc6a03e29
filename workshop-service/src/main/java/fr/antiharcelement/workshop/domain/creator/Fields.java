package fr.antiharcelement.workshop.domain.creator;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.workshop.domain.FieldChange;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The fields of a creator or a post the audit trail follows, as text or numbers, and what changed between two moments. */
final class Fields {

    static final Map<String, Object> NOTHING = Map.of();

    private Fields() {
    }

    static Map<String, Object> of(Creator creator) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("handle", creator.handle);
        fields.put("platform", text(creator.platform));
        fields.put("displayName", creator.displayName);
        fields.put("active", creator.active);
        return fields;
    }

    static Map<String, Object> of(CreatorPost post) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("campaignCode", post.campaignCode);
        fields.put("creatorHandle", post.creatorHandle);
        fields.put("platform", text(post.platform));
        fields.put("url", post.url);
        fields.put("publishedAt", time(post.publishedAt));
        fields.put("format", text(post.format));
        fields.put("measuredAt", time(post.measuredAt));
        fields.put("impressions", post.impressions);
        fields.put("accountsReached", post.accountsReached);
        fields.put("views", post.views);
        fields.put("likes", post.likes);
        fields.put("comments", post.comments);
        fields.put("shares", post.shares);
        fields.put("saves", post.saves);
        return fields;
    }

    /** Field by field, what changed from {@code before} to {@code after}. */
    static Map<String, FieldChange> changes(Map<String, Object> before, Map<String, Object> after) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            Object old = before.get(field);
            if (!Objects.equals(old, value)) {
                changes.put(field, new FieldChange(old, value));
            }
        });
        return changes;
    }

    /** In campaign time, so that an instant read back from the database reads the same as the one written. */
    private static String time(java.time.OffsetDateTime value) {
        return value == null ? null : CampaignTime.inCampaignTime(value).toString();
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
