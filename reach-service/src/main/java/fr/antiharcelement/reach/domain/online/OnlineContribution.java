package fr.antiharcelement.reach.domain.online;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What one post, in its last applied state, adds to the online totals: one post, its impressions, its accounts reached
 * and its engagements, under each of its keys: its campaign, creator, platform, month and day. Accounts reached are
 * the post's own: summed over posts, they count an account once per post that reached it.
 */
public record OnlineContribution(UUID postId, String campaignCode, String creatorHandle, String platform, LocalDate day,
                                 long impressions, long accountsReached, long engagements, long version) {

    /** The dimensions online totals are kept by. */
    public enum Dimension {
        CAMPAIGN("campaign"), CREATOR("creator"), PLATFORM("platform"), MONTH("month"), DAY("day");

        public final String code;

        Dimension(String code) {
            this.code = code;
        }

        public static Dimension of(String code) {
            for (Dimension dimension : values()) {
                if (dimension.code.equals(code)) {
                    return dimension;
                }
            }
            throw new IllegalArgumentException("unknown online dimension " + code);
        }
    }

    public record Key(Dimension dimension, String value) {
    }

    public List<Key> keys() {
        return List.of(new Key(Dimension.CAMPAIGN, campaignCode), new Key(Dimension.CREATOR, creatorHandle),
                new Key(Dimension.PLATFORM, platform), new Key(Dimension.MONTH, day.toString().substring(0, 7)),
                new Key(Dimension.DAY, day.toString()));
    }
}
