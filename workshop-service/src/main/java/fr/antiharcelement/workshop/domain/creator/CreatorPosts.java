package fr.antiharcelement.workshop.domain.creator;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.DomainException;
import fr.antiharcelement.kernel.InvalidInputException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.RuleBrokenException;
import fr.antiharcelement.kernel.StaleVersionException;
import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.workshop.domain.Campaign;
import fr.antiharcelement.workshop.domain.CampaignStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Creators' posts and the snapshots of their figures. A post names a known, active creator and a campaign, lies on its
 * platform's hosts and was published inside the campaign's period. The snapshot measured last is the post's current
 * figure: one that arrives late, measured before it, is kept in the history and changes nothing else. Every change is
 * audited and publishes exactly one event with the next version.
 */
@ApplicationScoped
public class CreatorPosts {

    /** How a snapshot was taken in. */
    public enum Outcome {
        /** It is the post's current figure now. */
        CURRENT,
        /** Measured before the current figure: kept in the history only. */
        KEPT_IN_HISTORY,
        /** The same snapshot was there already. */
        UNCHANGED
    }

    /** A snapshot as taken in, and the post after it. */
    public record Recorded(CreatorPost post, MetricSnapshot snapshot, Outcome outcome) {
    }

    @Inject
    CreatorPostStore posts;

    @Inject
    CreatorStore creators;

    @Inject
    CampaignStore campaigns;

    @Inject
    CreatorHistoryStore history;

    @Inject
    CreatorPostPublisher publisher;

    @Inject
    Clock clock;

    @Transactional
    public CreatorPost record(CreatorPostDraft draft, String actor) {
        Creator creator = validate(draft, null);
        OffsetDateTime now = CampaignTime.now(clock);
        CreatorPost post = new CreatorPost();
        post.id = UUID.randomUUID();
        post.version = 1;
        post.createdAt = now;
        apply(post, draft, creator, now);
        posts.add(post);
        audit(post, "published", Fields.changes(Fields.NOTHING, Fields.of(post)), actor, null);
        publisher.post(CreatorPostChange.PUBLISHED, post, creator.displayName);
        return post;
    }

    /** Corrects what a post is (its figures stay); If-Match is required by the API. */
    @Transactional
    public CreatorPost update(UUID id, long expectedVersion, CreatorPostDraft draft, String actor) {
        CreatorPost post = posts.lockWithId(id).orElseThrow(() -> notFound(id));
        StaleVersionException.check(expectedVersion, post.version, "Creator post " + id);
        Creator creator = validate(draft, post);
        Map<String, Object> before = Fields.of(post);
        apply(post, draft, creator, CampaignTime.now(clock));
        var changes = Fields.changes(before, Fields.of(post));
        if (changes.isEmpty()) {
            return post;
        }
        post.version++;
        posts.save(post);
        audit(post, "corrected", changes, actor, null);
        publisher.post(CreatorPostChange.UPDATED, post, creator.displayName);
        return post;
    }

    @Transactional
    public CreatorPost find(UUID id) {
        return posts.withId(id).orElseThrow(() -> notFound(id));
    }

    @Transactional
    public PageView<CreatorPost> search(CreatorPostQuery query, PageRequest page) {
        return posts.search(query, page);
    }

    @Transactional
    public List<CreatorHistoryEntry> history(UUID id) {
        find(id);
        return history.entriesOf(id.toString());
    }

    @Transactional
    public List<MetricSnapshot> snapshots(UUID id) {
        find(id);
        return posts.snapshotsOf(id);
    }

    /** Takes in one snapshot of a post's figures; {@code expectedVersion}, when given, is checked as an If-Match. */
    @Transactional
    public Recorded measure(UUID id, Long expectedVersion, Metrics metrics, String actor) {
        CreatorPost post = posts.lockWithId(id).orElseThrow(() -> notFound(id));
        if (expectedVersion != null) {
            StaleVersionException.check(expectedVersion, post.version, "Creator post " + id);
        }
        Map<String, Object> before = Fields.of(post);
        Recorded recorded = takeIn(post, metrics, actor);
        if (recorded.outcome() == Outcome.CURRENT) {
            changed(post, before, "measured", actor, null);
        } else if (recorded.outcome() == Outcome.KEPT_IN_HISTORY) {
            audit(post, "late-metrics-kept", Map.of(), actor, lateReason(metrics, post));
        }
        return recorded;
    }

    /**
     * An upload of snapshots, one row per post and date, in one transaction: each row is taken in as {@link #measure}
     * would, rows that cannot be are reported with their line, and each post whose current figures changed is audited
     * and published once, with its newest figures, however many of its rows the file has.
     */
    @Transactional
    public SnapshotImportReport importSnapshots(String csv, String actor) {
        List<SnapshotCsv.Row> rows = SnapshotCsv.read(csv);
        SnapshotImportReport report = new SnapshotImportReport();
        Map<String, CreatorPost> byUrl = posts.lockWithUrls(rows.stream().filter(row -> row.metrics() != null)
                .map(SnapshotCsv.Row::url).distinct().sorted().toList());
        Map<UUID, Map<String, Object>> before = new LinkedHashMap<>();
        Map<UUID, CreatorPost> changed = new LinkedHashMap<>();
        Map<UUID, CreatorPost> keptLate = new LinkedHashMap<>();
        for (SnapshotCsv.Row row : rows) {
            report.rowsRead++;
            CreatorPost post = byUrl.get(row.url());
            if (row.problem() != null || post == null) {
                report.rejected.add(new SnapshotImportReport.RejectedRow(row.line(), row.url(),
                        row.problem() != null ? row.problem() : "no post has this url (record the post first)"));
                continue;
            }
            before.computeIfAbsent(post.id, ignored -> Fields.of(post));
            try {
                switch (takeIn(post, row.metrics(), actor).outcome()) {
                    case CURRENT -> {
                        report.current++;
                        changed.put(post.id, post);
                    }
                    case KEPT_IN_HISTORY -> {
                        report.keptInHistory++;
                        keptLate.put(post.id, post);
                    }
                    case UNCHANGED -> report.unchanged++;
                }
            } catch (DomainException e) {
                report.rejected.add(new SnapshotImportReport.RejectedRow(row.line(), row.url(), e.getMessage()));
            }
        }
        changed.values().forEach(post -> changed(post, before.get(post.id), "metrics-imported", actor, null));
        keptLate.values().stream().filter(post -> !changed.containsKey(post.id)).forEach(post -> audit(post, "late-metrics-kept",
                Map.of(), actor, "an upload's snapshots measured before the current figures: kept in the history only"));
        report.postsUpdated = changed.size();
        return report;
    }

    /** The snapshot checked and stored; the post's current figures replaced when it is the newest. */
    private Recorded takeIn(CreatorPost post, Metrics metrics, String actor) {
        if (!metrics.reportsAnything()) {
            throw InvalidInputException.of("A snapshot must report at least one count (impressions, accountsReached, views, likes, "
                    + "comments, shares or saves)");
        }
        OffsetDateTime measuredAt = CampaignTime.inCampaignTime(metrics.measuredAt());
        if (measuredAt.isBefore(post.publishedAt)) {
            throw new RuleBrokenException("Measured at " + measuredAt + ", before the post was published (" 
                    + CampaignTime.inCampaignTime(post.publishedAt) + ")");
        }
        OffsetDateTime endOfToday = CampaignTime.today(clock).atTime(LocalTime.MAX).atZone(CampaignTime.ZONE).toOffsetDateTime();
        if (measuredAt.isAfter(endOfToday)) {
            throw new RuleBrokenException("Measured at " + measuredAt + ", in the future");
        }
        Metrics taken = new Metrics(measuredAt, metrics.impressions(), metrics.accountsReached(), metrics.views(), metrics.likes(),
                metrics.comments(), metrics.shares(), metrics.saves());
        var existing = posts.snapshotAt(post.id, measuredAt);
        if (existing.isPresent()) {
            if (existing.get().metrics().sameCounts(taken)) {
                return new Recorded(post, existing.get(), Outcome.UNCHANGED);
            }
            throw new ConflictException("A snapshot of this post measured at " + measuredAt
                    + " says otherwise already; a platform reports one figure per instant").with("existingSnapshot", measuredAt.toString());
        }
        MetricSnapshot snapshot = MetricSnapshot.of(post.id, taken, CampaignTime.now(clock), actor);
        posts.addSnapshot(snapshot);
        return new Recorded(post, snapshot, post.takeIfNewer(taken) ? Outcome.CURRENT : Outcome.KEPT_IN_HISTORY);
    }

    private Creator validate(CreatorPostDraft draft, CreatorPost self) {
        String problem = draft.platform().problemWith(draft.url());
        if (problem != null) {
            throw InvalidInputException.field("url", problem);
        }
        Campaign campaign = campaigns.withCode(draft.campaignCode())
                .orElseThrow(() -> new RuleBrokenException("Unknown campaign " + draft.campaignCode()));
        String handle = Creator.normalize(draft.creatorHandle());
        Creator creator = creators.withHandle(handle).orElseThrow(() -> new RuleBrokenException("Unknown creator @" + handle
                + ": register them first (POST /api/v1/creators)"));
        boolean sameCreator = self != null && self.creatorHandle.equals(handle);
        if (!creator.active && !sameCreator) {
            throw new RuleBrokenException("Creator @" + handle + " is deactivated: no new post may name them");
        }
        OffsetDateTime publishedAt = draft.publishedAt();
        if (!campaign.covers(publishedAt, publishedAt)) {
            throw new RuleBrokenException("Published on " + CampaignTime.dayOf(publishedAt) + ", outside campaign " + campaign.code
                    + " (" + campaign.startsOn + " to " + campaign.endsOn + ")");
        }
        if (publishedAt.isAfter(CampaignTime.now(clock))) {
            throw new RuleBrokenException("Published at " + publishedAt + ", in the future: record a post once it is online");
        }
        if (self != null && self.measuredAt != null && self.measuredAt.isBefore(publishedAt)) {
            throw new RuleBrokenException("Published at " + publishedAt + ", after its figures were measured (" + self.measuredAt + ")");
        }
        posts.withUrl(draft.url().trim()).filter(other -> self == null || !other.id.equals(self.id)).ifPresent(other -> {
            throw new ConflictException("Post " + other.id + " has this url already").with("existingPostId", other.id.toString());
        });
        return creator;
    }

    private static void apply(CreatorPost post, CreatorPostDraft draft, Creator creator, OffsetDateTime now) {
        post.campaignCode = draft.campaignCode();
        post.creatorHandle = creator.handle;
        post.platform = draft.platform();
        post.url = draft.url().trim();
        post.publishedAt = CampaignTime.inCampaignTime(draft.publishedAt());
        post.format = draft.format();
        post.updatedAt = now;
    }

    private void changed(CreatorPost post, Map<String, Object> before, String action, String actor, String reason) {
        post.version++;
        post.updatedAt = CampaignTime.now(clock);
        posts.save(post);
        audit(post, action, Fields.changes(before, Fields.of(post)), actor, reason);
        publisher.post(CreatorPostChange.MEASURED, post, creators.withHandle(post.creatorHandle).map(c -> c.displayName).orElse(null));
    }

    private void audit(CreatorPost post, String action, Map<String, fr.antiharcelement.workshop.domain.FieldChange> changes, String actor,
                       String reason) {
        history.append(new CreatorHistoryEntry(post.id.toString(), CampaignTime.now(clock), actor, action, changes, reason));
    }

    private static String lateReason(Metrics metrics, CreatorPost post) {
        return "measured at " + CampaignTime.inCampaignTime(metrics.measuredAt()) + ", before the current figures ("
                + CampaignTime.inCampaignTime(post.measuredAt) + "): kept in the history only";
    }

    private static NotFoundException notFound(UUID id) {
        return new NotFoundException("No creator post " + id);
    }
}
