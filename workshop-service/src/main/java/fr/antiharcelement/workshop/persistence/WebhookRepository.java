package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.webhook.Webhook;
import fr.antiharcelement.workshop.domain.webhook.WebhookStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/** Partners' endpoints in {@code webhook}, over JDBC on the transaction's connection. */
@ApplicationScoped
public class WebhookRepository implements WebhookStore {

    private static final String SELECT = "select id, partner_code, url, secret, status, last_error, disabled_at, created_at from webhook ";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public void add(Webhook webhook) {
        Jdbc.update(dataSource, """
                insert into webhook (id, partner_code, url, secret, status, last_error, disabled_at, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setObject(1, webhook.id);
            statement.setString(2, webhook.partnerCode);
            statement.setString(3, webhook.url);
            statement.setString(4, webhook.secret);
            statement.setString(5, Rows.name(webhook.status));
            statement.setString(6, webhook.lastError);
            statement.setObject(7, webhook.disabledAt);
            statement.setObject(8, webhook.createdAt);
        });
    }

    /** What changes of an endpoint once registered: its status and its last error. */
    @Override
    public void save(Webhook webhook) {
        Jdbc.update(dataSource, "update webhook set status = ?, last_error = ?, disabled_at = ? where id = ?", statement -> {
            statement.setString(1, Rows.name(webhook.status));
            statement.setString(2, webhook.lastError);
            statement.setObject(3, webhook.disabledAt);
            statement.setObject(4, webhook.id);
        });
    }

    @Override
    public Optional<Webhook> withId(UUID id) {
        return Jdbc.first(dataSource, SELECT + "where id = ?", statement -> statement.setObject(1, id), WebhookRepository::webhook);
    }

    @Override
    public Map<UUID, Webhook> withIds(Collection<UUID> ids) {
        return Jdbc.query(dataSource, SELECT + "where id = any (?)", statement -> Jdbc.setArray(statement, 1, "uuid", ids),
                WebhookRepository::webhook).stream().collect(Collectors.toMap(webhook -> webhook.id, webhook -> webhook));
    }

    @Override
    public List<Webhook> ofPartner(String partnerCode) {
        return Jdbc.query(dataSource, SELECT + "where partner_code = ? order by created_at, id", statement -> statement.setString(1, partnerCode),
                WebhookRepository::webhook);
    }

    /** A plain statement on the transaction's connection: an HQL query cost a creation about 7% of its CPU for this probe. */
    @Override
    public boolean anyActive(String partnerCode) {
        return Jdbc.first(dataSource, "select exists (select 1 from webhook where partner_code = ? and status = ?)", probe -> {
            probe.setString(1, partnerCode);
            probe.setString(2, Webhook.Status.ACTIVE.name());
        }, answer -> answer.getBoolean(1)).orElseThrow();
    }

    /** The deliveries go with it (on delete cascade), in the same statement. */
    @Override
    public void remove(Webhook webhook) {
        Jdbc.update(dataSource, "delete from webhook where id = ?", statement -> statement.setObject(1, webhook.id));
    }

    private static Webhook webhook(ResultSet row) throws SQLException {
        Webhook webhook = new Webhook();
        webhook.id = Rows.uuid(row, 1);
        webhook.partnerCode = row.getString(2);
        webhook.url = row.getString(3);
        webhook.secret = row.getString(4);
        webhook.status = Rows.enumOf(Webhook.Status.class, row, 5);
        webhook.lastError = row.getString(6);
        webhook.disabledAt = Rows.time(row, 7);
        webhook.createdAt = Rows.time(row, 8);
        return webhook;
    }
}
