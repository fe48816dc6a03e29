package fr.antiharcelement.workshop.domain.creator;

import java.time.OffsetDateTime;

/**
 * A content creator of the campaign: an adult known by a public handle (kept in lower case, without its '@'), where
 * they mainly publish, and how they like to be named. Nothing about their audience. A deactivated creator keeps
 * their posts, which still count; no new post may name them. Its {@code version} is its ETag.
 */
public class Creator {

    public String handle;
    public Platform platform;
    public String displayName;
    public boolean active;
    public long version;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    /** A handle as people write it, "@JustRiadh" or "justriadh", as it is kept: "justriadh". */
    public static String normalize(String handle) {
        String trimmed = handle.trim();
        return (trimmed.startsWith("@") ? trimmed.substring(1) : trimmed).toLowerCase(java.util.Locale.ROOT);
    }
}
