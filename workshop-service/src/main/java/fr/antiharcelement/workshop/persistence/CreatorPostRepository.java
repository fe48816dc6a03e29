package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.kernel.sql.SqlFailures;
import fr.antiharcelement.workshop.domain.creator.CreatorPost;
import fr.antiharcelement.workshop.domain.creator.CreatorPostQuery;
import fr.antiharcelement.workshop.domain.creator.CreatorPostStore;
import fr.antiharcelement.workshop.domain.creator.MetricSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class CreatorPostRepository implements PanacheRepositoryBase<CreatorPost, UUID>, CreatorPostStore {

    /** PostgreSQL's unique_violation, raised when two posts are recorded with one URL at once. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String URL_CONSTRAINT = "creator_post_url";

    @Inject
    MetricSnapshotRepository snapshots;

    @Override
    public Optional<CreatorPost> withId(UUID id) {
        return findByIdOptional(id);
    }

    @Override
    public Optional<CreatorPost> lockWithId(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public Optional<CreatorPost> withUrl(String url) {
        return find("url", url).firstResultOptional();
    }

    @Override
    public Map<String, CreatorPost> lockWithUrls(Collection<String> urls) {
        Map<String, CreatorPost> found = new LinkedHashMap<>();
        if (urls.isEmpty()) {
            return found;
        }
        find("url in ?1 order by url", List.copyOf(urls)).withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .forEach(post -> found.put(post.url, post));
        return found;
    }

    @Override
    public PageView<CreatorPost> search(CreatorPostQuery query, PageRequest page) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.campaign() != null) {
            where.add("campaignCode = :campaign");
            params.put("campaign", query.campaign());
        }
        if (query.creator() != null) {
            where.add("creatorHandle = :creator");
            params.put("creator", query.creator());
        }
        if (query.platform() != null) {
            where.add("platform = :platform");
            params.put("platform", query.platform());
        }
        String condition = where.isEmpty() ? "1 = 1" : String.join(" and ", where);
        PanacheQuery<CreatorPost> found = find(condition, Sort.by("publishedAt").and("id"), params)
                .page(Page.of(page.page(), page.size()));
        return PageView.of(found.list(), page, found.count());
    }

    /** Flushes now, so that a URL taken by a concurrent post surfaces here as a conflict, not at commit as a 500. */
    @Override
    public void add(CreatorPost post) {
        persist(post);
        try {
            flush();
        } catch (PersistenceException e) {
            if (SqlFailures.violation(e, UNIQUE_VIOLATION, URL_CONSTRAINT).isPresent()) {
                throw new ConflictException("Another post has this url already (recorded at the same time)");
            }
            throw e;
        }
    }

    @Override
    public List<MetricSnapshot> snapshotsOf(UUID postId) {
        return snapshots.list("postId = ?1 order by measuredAt", postId);
    }

    @Override
    public Optional<MetricSnapshot> snapshotAt(UUID postId, OffsetDateTime measuredAt) {
        return snapshots.find("postId = ?1 and measuredAt = ?2", postId, measuredAt).firstResultOptional();
    }

    @Override
    public void addSnapshot(MetricSnapshot snapshot) {
        snapshots.persist(snapshot);
    }
}
