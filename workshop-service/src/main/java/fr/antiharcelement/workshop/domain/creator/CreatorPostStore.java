package fr.antiharcelement.workshop.domain.creator;

import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Where creators' posts are kept. A post read from it is written back when the transaction commits; {@link #add}
 * writes at once, so that a URL another post took meanwhile fails there as a conflict, not at commit.
 */
public interface CreatorPostStore {

    Optional<CreatorPost> withId(UUID id);

    /** The post, locked until the end of the transaction: its snapshots and changes take turns. */
    Optional<CreatorPost> lockWithId(UUID id);

    Optional<CreatorPost> withUrl(String url);

    /** The posts with these URLs, locked in URL order (two imports lock them in the same order), by URL. */
    java.util.Map<String, CreatorPost> lockWithUrls(Collection<String> urls);

    /** A page of the posts {@code query} matches, by publication time. */
    PageView<CreatorPost> search(CreatorPostQuery query, PageRequest page);

    /** @throws fr.antiharcelement.kernel.ConflictException when another post has its URL */
    void add(CreatorPost post);

    void save(CreatorPost post);

    /** A post's snapshots, in the order they were measured. */
    List<MetricSnapshot> snapshotsOf(UUID postId);

    Optional<MetricSnapshot> snapshotAt(UUID postId, java.time.OffsetDateTime measuredAt);

    void addSnapshot(MetricSnapshot snapshot);
}
