package fr.antiharcelement.api.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.api.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
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
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on POST: partners retry on flaky networks, and a retry must not create twice.
 *
 * <p>The key is claimed in the operation's own transaction. A concurrent retry's claim waits on the first one's
 * row; once the first commits, the retry finds it and replays the stored response (status, Location, ETag,
 * body). If the first fails, its transaction rolls back the claim and the retry simply runs. The same key with
 * another body is a 422.
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

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
            throw new IllegalStateException("Idempotency store failed: " + e.getMessage(), e);
        }
    }

    private boolean claim(Connection connection, String scope, String key, String hash) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into idempotency_key (scope, key, request_hash, status) values (?, ?, ?, 0)
                on conflict do nothing""")) {
            insert.setString(1, scope);
            insert.setString(2, key);
            insert.setString(3, hash);
            return insert.executeUpdate() == 1;
        }
    }

    private void store(Connection connection, String scope, String key, Response response) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "update idempotency_key set status = ?, location = ?, etag = ?, body = ? where scope = ? and key = ?")) {
            update.setInt(1, response.getStatus());
            update.setString(2, response.getHeaderString(HttpHeaders.LOCATION));
            update.setString(3, response.getHeaderString(HttpHeaders.ETAG));
            update.setString(4, response.hasEntity() ? json(response.getEntity()) : null);
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

    private String json(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise for the idempotency store", e);
        }
    }
}
