package fr.antiharcelement.workshop.api;

import fr.antiharcelement.workshop.domain.creator.Metrics;
import fr.antiharcelement.workshop.domain.creator.Platform;
import fr.antiharcelement.workshop.domain.creator.PostFormat;
import fr.antiharcelement.workshop.domain.creator.CreatorPostDraft;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;

/** The bodies the creator endpoints accept. Creators are adults known by a public handle; nothing about their audience. */
public final class CreatorRequests {

    /** A handle as the platforms show it, with or without its '@'. */
    static final String HANDLE = "@?[A-Za-z0-9][A-Za-z0-9._-]{0,59}";
    static final String HANDLE_MESSAGE = "must be a public handle: letters, digits, '.', '_' or '-', with or without a leading @";
    /** The largest count a snapshot takes: beyond any post's reach. */
    static final long MAX_COUNT = 1_000_000_000_000L;

    private CreatorRequests() {
    }

    public record Register(
            @NotNull @Pattern(regexp = HANDLE, message = HANDLE_MESSAGE) @Schema(examples = "@justriadh") String handle,
            @NotNull @Schema(description = "Where the creator mainly publishes; each post names its own") Platform platform,
            @NotBlank @Size(max = 120) String displayName) {
    }

    /** Why, for the audit trail. */
    public record Deactivation(@NotBlank @Size(max = 500) String reason) {
    }

    public record Post(
            @NotBlank @Size(max = 64) String campaignCode,
            @NotNull @Pattern(regexp = HANDLE, message = HANDLE_MESSAGE) @Schema(examples = "@justriadh") String creatorHandle,
            @NotNull Platform platform,
            @NotBlank @Size(max = 2000) @Schema(description = "https, on the platform's hosts: INSTAGRAM instagram.com, TIKTOK "
                    + "tiktok.com, YOUTUBE youtube.com or youtu.be, SNAPCHAT snapchat.com, TWITCH twitch.tv (and their sub-domains); "
                    + "OTHER any", examples = "https://www.instagram.com/p/CW1x2y3z4Ab/") String url,
            @NotNull @Schema(examples = "2021-11-16T18:00:00+01:00") OffsetDateTime publishedAt,
            @NotNull PostFormat format) {

        CreatorPostDraft draft() {
            return new CreatorPostDraft(campaignCode.trim(), creatorHandle, platform, url.trim(), publishedAt, format);
        }
    }

    /** A snapshot: counts cumulative since publication, as the platform reports them at measuredAt; leave out what it does not. */
    public record Snapshot(
            @NotNull @Schema(examples = "2021-11-20T18:00:00+01:00") OffsetDateTime measuredAt,
            @Min(0) @Max(MAX_COUNT) Long impressions,
            @Min(0) @Max(MAX_COUNT) @Schema(description = "Accounts reached by this post (platforms count them per post)")
            Long accountsReached,
            @Min(0) @Max(MAX_COUNT) Long views,
            @Min(0) @Max(MAX_COUNT) Long likes,
            @Min(0) @Max(MAX_COUNT) Long comments,
            @Min(0) @Max(MAX_COUNT) Long shares,
            @Min(0) @Max(MAX_COUNT) Long saves) {

        Metrics metrics() {
            return new Metrics(measuredAt, impressions, accountsReached, views, likes, comments, shares, saves);
        }
    }
}
