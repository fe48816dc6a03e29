package fr.antiharcelement.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import fr.antiharcelement.api.problem.Problem;
import fr.antiharcelement.api.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POST: partners retry on flaky networks, and a retry must not create twice.
 *
 * <p>The key is claimed in the operation's own transaction. A concurrent retry's claim waits on the first one's
 * row, at most {@link IdempotencyConfig#lockTimeout()} (then a 409 "in progress" with Retry-After); once the first
 * commits, the retry finds it and replays the stored response (status, Location, ETag, body). If the first fails, its
 * transaction rolls back the claim and the retry simply runs. The same key with another body is a 422.
 *
 * <p>A key lives {@link IdempotencyConfig#retention()} (72 h): past it the same key runs the request again, and
 * {@link IdempotencyPurge} deletes the record. Fields marked {@link NotInIdempotencyRecord} are neither hashed nor
 * stored.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    AgroalDataSource dataSource;

    /** PostgreSQL's lock_not_available: the claim waited its lock timeout for a concurrent request with the key. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    @Inject
    ObjectMapper objectMapper;

    @Inject
    IdempotencyConfig config;

    /** The application's mapper, blind to the fields marked {@link NotInIdempotencyRecord}. */
    private ObjectMapper recordMapper;

    @PostConstruct
    void recordMapper() {
        recordMapper = objectMapper.copy().setAnnotationIntrospector(new JacksonAnnotationIntrospector() {
            @Override
            public boolean hasIgnoreMarker(AnnotatedMember member) {
                return member.hasAnnotation(NotInIdempotencyRecord.class) || super.hasIgnoreMarker(member);
            }
        });
    }

    /**
     * Runs {@code operation} once per {@code key} within {@code scope} (who calls, method and path); without a
     * key it just runs. {@code request} is what the client sent, compared on a retry.
     */
    @Transactional
    public Response execute(String key, String scope, Object request, Supplier<Response> operation) {
        if (key == null || key.isBlank()) {
            return operation.get();
        }
        if (key.length() > 200) {
            throw ProblemException.invalidField(HEADER, "must be at most 200 characters");
        }
        String hash = hash(request);
        try (Connection connection = dataSource.getConnection()) {
            if (claim(connection, scope, key, hash)) {
                Response response = operation.get();
                store(connection, scope, key, response);
                return response;
            }
            return replay(connection, scope, key, hash);
        } catch (SQLException e) {
            if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) {
                throw inProgress();
            }
            throw new IllegalStateException("Idempotency store failed: " + e.getMessage(), e);
        }
    }

    /**
     * Claims the key: a new one, or one past its retention (its record is replaced). The wait for a concurrent
     * request's claim is bounded by the lock timeout, for this statement only: the operation's own locks keep theirs.
     */
    private boolean claim(Connection connection, String scope, String key, String hash) throws SQLException {
        // Three statements, one round trip: pgjdbc sends them together and PostgreSQL runs them in order.
        try (PreparedStatement claim = connection.prepareStatement("set local lock_timeout = "
                + Math.max(1, config.lockTimeout().toMillis()) + ";" + """
                insert into idempotency_key (scope, key, request_hash, status) values (?, ?, ?, 0)
                on conflict (scope, key) do update
                  set request_hash = excluded.request_hash, status = 0, location = null, etag = null, body = null,
                      created_at = clock_timestamp()
                  where idempotency_key.created_at < clock_timestamp() - make_interval(secs => ?);
                set local lock_timeout to default""")) {
            claim.setString(1, scope);
            claim.setString(2, key);
            claim.setString(3, hash);
            claim.setLong(4, config.retention().toSeconds());
            claim.execute();
            claim.getMoreResults(); // past the first set, to the insert's count
            return claim.getUpdateCount() == 1;
        }
    }

    private ProblemException inProgress() {
        long seconds = Math.max(1, config.lockTimeout().toSeconds());
        return new ProblemException(Problem.of(409, "A request with this Idempotency-Key is in progress; retry it shortly "
                + "to get its response."), Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }

    private void store(Connection connection, String scope, String key, Response response) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update idempotency_key set status = ?, location = ?, etag = ?, body = ? where scope = ? and key = ?")) {
            update.setInt(1, response.getStatus());
            update.setString(2, response.getHeaderString(HttpHeaders.LOCATION));
            update.setString(3, response.getHeaderString(HttpHeaders.ETAG));
            update.setString(4, response.hasEntity() ? json(response.getEntity()) : null); // notes left out
            update.setString(5, scope);
            update.setString(6, key);
            update.executeUpdate();
        }
    }

    private Response replay(Connection connection, String scope, String key, String hash) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select request_hash, status, location, etag, body from idempotency_key where scope = ? and key = ?")) {
            select.setString(1, scope);
            select.setString(2, key);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw ProblemException.conflict("The request with this Idempotency-Key did not complete; retry it.");
                }
                if (!row.getString(1).equals(hash)) {
                    throw ProblemException.unprocessable("This Idempotency-Key was used for a different request; "
                            + "use a new key for a new request.");
                }
                Response.ResponseBuilder replayed = Response.status(row.getInt(2)).header(REPLAYED_HEADER, "true");
                if (row.getString(3) != null) {
                    replayed.header(HttpHeaders.LOCATION, row.getString(3));
                }
                if (row.getString(4) != null) {
                    replayed.header(HttpHeaders.ETAG, row.getString(4));
                }
                if (row.getString(5) != null) {
                    replayed.entity(row.getString(5)).type(MediaType.APPLICATION_JSON_TYPE);
                }
                return replayed.build();
            }
        }
    }

    private String hash(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What is kept of a body: its JSON without the fields marked {@link NotInIdempotencyRecord}. */
    private String json(Object value) {
        try {
            return recordMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise for the idempotency store", e);
        }
    }
}
