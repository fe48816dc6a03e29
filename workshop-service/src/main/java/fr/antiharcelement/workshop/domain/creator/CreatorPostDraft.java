package fr.antiharcelement.workshop.domain.creator;

import java.time.OffsetDateTime;

/** A post as staff record or correct it; the creator's handle as written ("@JustRiadh" or "justriadh"). */
public record CreatorPostDraft(String campaignCode, String creatorHandle, Platform platform, String url, OffsetDateTime publishedAt,
                               PostFormat format) {
}
