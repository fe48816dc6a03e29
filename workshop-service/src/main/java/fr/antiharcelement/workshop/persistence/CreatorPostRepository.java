package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.kernel.sql.Conditions;
import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.kernel.sql.SqlFailures;
import fr.antiharcelement.workshop.domain.creator.CreatorPost;
import fr.antiharcelement.workshop.domain.creator.CreatorPostQuery;
import fr.antiharcelement.workshop.domain.creator.CreatorPostStore;
import fr.antiharcelement.workshop.domain.creator.Metrics;
import fr.antiharcelement.workshop.domain.creator.MetricSnapshot;
import fr.antiharcelement.workshop.domain.creator.Platform;
import fr.antiharcelement.workshop.domain.creator.PostFormat;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Creators' posts in {@code creator_post} and the snapshots of their figures, over JDBC on the transaction's connection. */
@ApplicationScoped
public class CreatorPostRepository implements CreatorPostStore {

    /** PostgreSQL's unique_violation, raised when two posts are recorded with one URL at once. */
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String URL_CONSTRAINT = "creator_post_url";

    /** The columns every read and write names, in the order of {@link #post} and {@link #bindState}. */
    private static final String COLUMNS = """
            campaign_code, creator_handle, platform, url, published_at, format, measured_at, impressions, accounts_reached,
            views, likes, comments, shares, saves, version, updated_at, id, created_at""";
    private static final String SELECT = "select " + COLUMNS + " from creator_post ";
    /** The figures of a snapshot, as {@link #metrics} reads them from the first column on. */
    private static final String METRICS = "measured_at, impressions, accounts_reached, views, likes, comments, shares, saves";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<CreatorPost> withId(UUID id) {
        return one(id, "");
    }

    @Override
    public Optional<CreatorPost> lockWithId(UUID id) {
        return one(id, " for update");
    }

    private Optional<CreatorPost> one(UUID id, String lock) {
        return Jdbc.first(dataSource, SELECT + "where id = ?" + lock, statement -> statement.setObject(1, id), CreatorPostRepository::post);
    }

    @Override
    public Optional<CreatorPost> withUrl(String url) {
        return Jdbc.first(dataSource, SELECT + "where url = ?", statement -> statement.setString(1, url), CreatorPostRepository::post);
    }

    @Override
    public Map<String, CreatorPost> lockWithUrls(Collection<String> urls) {
        Map<String, CreatorPost> found = new LinkedHashMap<>();
        if (!urls.isEmpty()) {
            Jdbc.query(dataSource, SELECT + "where url = any (?) order by url for update",
                    statement -> Jdbc.setArray(statement, 1, "text", urls),
                    CreatorPostRepository::post).forEach(post -> found.put(post.url, post));
        }
        return found;
    }

    @Override
    public PageView<CreatorPost> search(CreatorPostQuery query, PageRequest page) {
        Conditions where = new Conditions();
        where.add("campaign_code = ?", query.campaign());
        where.add("creator_handle = ?", query.creator());
        where.add("platform = ?", Rows.name(query.platform()));
        List<CreatorPost> found = Jdbc.query(dataSource, SELECT + where.sql() + " order by published_at, id limit ? offset ?", statement -> {
            int next = where.bind(statement);
            statement.setInt(next, page.size());
            statement.setLong(next + 1, page.offset());
        }, CreatorPostRepository::post);
        return PageView.counting(found, page, () -> Jdbc.count(dataSource, "select count(*) from creator_post " + where.sql(), where::bind));
    }

    /** A URL taken by a concurrent post surfaces here, at the insert, as a conflict rather than a 500. */
    @Override
    public void add(CreatorPost post) {
        try {
            Jdbc.update(dataSource, "insert into creator_post (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    statement -> {
                        bindState(statement, post);
                        statement.setObject(17, post.id);
                        statement.setObject(18, post.createdAt);
                    });
        } catch (RuntimeException e) {
            if (SqlFailures.violation(e, UNIQUE_VIOLATION, URL_CONSTRAINT).isPresent()) {
                throw new ConflictException("Another post has this url already (recorded at the same time)");
            }
            throw e;
        }
    }

    @Override
    public void save(CreatorPost post) {
        Jdbc.update(dataSource, """
                update creator_post set campaign_code = ?, creator_handle = ?, platform = ?, url = ?, published_at = ?, format = ?,
                  measured_at = ?, impressions = ?, accounts_reached = ?, views = ?, likes = ?, comments = ?, shares = ?, saves = ?,
                  version = ?, updated_at = ?
                where id = ?""", statement -> {
            bindState(statement, post);
            statement.setObject(17, post.id);
        });
    }

    @Override
    public List<MetricSnapshot> snapshotsOf(UUID postId) {
        return Jdbc.query(dataSource, "select " + METRICS + ", id, post_id, recorded_at, recorded_by from creator_post_metrics "
                + "where post_id = ? order by measured_at", statement -> statement.setObject(1, postId), CreatorPostRepository::snapshot);
    }

    @Override
    public Optional<MetricSnapshot> snapshotAt(UUID postId, OffsetDateTime measuredAt) {
        return Jdbc.first(dataSource, "select " + METRICS + ", id, post_id, recorded_at, recorded_by from creator_post_metrics "
                + "where post_id = ? and measured_at = ?", statement -> {
            statement.setObject(1, postId);
            statement.setObject(2, measuredAt);
        }, CreatorPostRepository::snapshot);
    }

    @Override
    public void addSnapshot(MetricSnapshot snapshot) {
        Jdbc.update(dataSource, "insert into creator_post_metrics (" + METRICS + ", post_id, recorded_at, recorded_by) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", statement -> {
            bindMetrics(statement, snapshot.metrics(), 1);
            statement.setObject(9, snapshot.postId);
            statement.setObject(10, snapshot.recordedAt);
            statement.setString(11, snapshot.recordedBy);
        });
    }

    /** The columns from campaign_code to updated_at, parameters 1 to 16 of the insert and of the update alike. */
    private static void bindState(PreparedStatement statement, CreatorPost post) throws SQLException {
        statement.setString(1, post.campaignCode);
        statement.setString(2, post.creatorHandle);
        statement.setString(3, Rows.name(post.platform));
        statement.setString(4, post.url);
        statement.setObject(5, post.publishedAt);
        statement.setString(6, Rows.name(post.format));
        Metrics current = post.current();
        bindMetrics(statement, current != null ? current : new Metrics(null, null, null, null, null, null, null, null), 7);
        statement.setLong(15, post.version);
        statement.setObject(16, post.updatedAt);
    }

    /** {@link #METRICS}, from parameter {@code first} on. */
    private static void bindMetrics(PreparedStatement statement, Metrics metrics, int first) throws SQLException {
        statement.setObject(first, metrics.measuredAt());
        Long[] counts = {metrics.impressions(), metrics.accountsReached(), metrics.views(), metrics.likes(), metrics.comments(),
                metrics.shares(), metrics.saves()};
        for (int i = 0; i < counts.length; i++) {
            statement.setObject(first + 1 + i, counts[i], Types.BIGINT);
        }
    }

    /** {@link #METRICS}, from column {@code first} on. */
    private static Metrics metrics(ResultSet row, int first) throws SQLException {
        return new Metrics(Rows.time(row, first), Rows.nullableLong(row, first + 1), Rows.nullableLong(row, first + 2),
                Rows.nullableLong(row, first + 3), Rows.nullableLong(row, first + 4), Rows.nullableLong(row, first + 5),
                Rows.nullableLong(row, first + 6), Rows.nullableLong(row, first + 7));
    }

    private static CreatorPost post(ResultSet row) throws SQLException {
        CreatorPost post = new CreatorPost();
        post.campaignCode = row.getString(1);
        post.creatorHandle = row.getString(2);
        post.platform = Rows.enumOf(Platform.class, row, 3);
        post.url = row.getString(4);
        post.publishedAt = Rows.time(row, 5);
        post.format = Rows.enumOf(PostFormat.class, row, 6);
        if (row.getObject(7) != null) {
            post.takeIfNewer(metrics(row, 7));
        }
        post.version = row.getLong(15);
        post.updatedAt = Rows.time(row, 16);
        post.id = Rows.uuid(row, 17);
        post.createdAt = Rows.time(row, 18);
        return post;
    }

    private static MetricSnapshot snapshot(ResultSet row) throws SQLException {
        MetricSnapshot snapshot = MetricSnapshot.of(Rows.uuid(row, 10), metrics(row, 1), Rows.time(row, 11), row.getString(12));
        snapshot.id = row.getLong(9);
        return snapshot;
    }
}
