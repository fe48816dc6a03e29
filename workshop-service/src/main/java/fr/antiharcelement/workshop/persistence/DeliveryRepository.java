package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.webhook.DeliveryStore;
import fr.antiharcelement.workshop.domain.webhook.WebhookDelivery;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What is delivered to partners' endpoints, in {@code webhook_delivery}, over JDBC on the transaction's connection. */
@ApplicationScoped
public class DeliveryRepository implements DeliveryStore {

    private static final String COLUMNS = """
            d.id, d.webhook_id, d.event_id, d.workshop_id, d.event_type, d.payload, d.status, d.attempts, d.last_status_code,
            d.last_error, d.next_attempt_at, d.give_up_at, d.created_at, d.delivered_at""";

    /** One statement per event whatever the number of endpoints; a second write of the same event is a no-op. */
    private static final String ENQUEUE = """
            insert into webhook_delivery (webhook_id, event_id, workshop_id, event_type, payload, status, attempts,
                                          next_attempt_at, give_up_at, created_at)
            select w.id, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?
            from webhook w where w.partner_code = ? and w.status = 'ACTIVE'
            on conflict (event_id, webhook_id) do nothing""";

    /**
     * Due rows of active endpoints, each the oldest pending one of its endpoint and workshop: a row waiting for a retry,
     * or held by another worker, keeps the workshop's later events back. SKIP LOCKED lets workers share the rows.
     */
    private static final String CLAIM = "select " + COLUMNS + """
             from webhook_delivery d join webhook w on w.id = d.webhook_id
            where d.status = 'PENDING' and d.next_attempt_at <= ? and w.status = 'ACTIVE'
              and not exists (select 1 from webhook_delivery e where e.webhook_id = d.webhook_id
                                and e.workshop_id = d.workshop_id and e.status = 'PENDING' and e.id < d.id)
            order by d.id
            limit ?
            for update of d skip locked""";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public int enqueue(String partnerCode, UUID eventId, UUID workshopId, String eventType, String payload, OffsetDateTime now,
                       OffsetDateTime giveUpAt) {
        return Jdbc.update(dataSource, ENQUEUE, statement -> {
            statement.setObject(1, eventId);
            statement.setObject(2, workshopId);
            statement.setString(3, eventType);
            statement.setString(4, payload);
            statement.setObject(5, now);
            statement.setObject(6, giveUpAt);
            statement.setObject(7, now);
            statement.setString(8, partnerCode);
        });
    }

    @Override
    public List<WebhookDelivery> claimDue(OffsetDateTime now, int limit) {
        return Jdbc.query(dataSource, CLAIM, statement -> {
            statement.setObject(1, now);
            statement.setInt(2, limit);
        }, DeliveryRepository::delivery);
    }

    @Override
    public Optional<WebhookDelivery> withId(UUID webhookId, long deliveryId) {
        return Jdbc.first(dataSource, "select " + COLUMNS + " from webhook_delivery d where d.id = ? and d.webhook_id = ?", statement -> {
            statement.setLong(1, deliveryId);
            statement.setObject(2, webhookId);
        }, DeliveryRepository::delivery);
    }

    @Override
    public PageView<WebhookDelivery> ofWebhook(UUID webhookId, PageRequest page) {
        List<WebhookDelivery> found = Jdbc.query(dataSource,
                "select " + COLUMNS + " from webhook_delivery d where d.webhook_id = ? order by d.id desc limit ? offset ?", statement -> {
                    statement.setObject(1, webhookId);
                    statement.setInt(2, page.size());
                    statement.setLong(3, page.offset());
                }, DeliveryRepository::delivery);
        return PageView.counting(found, page, () -> Jdbc.count(dataSource, "select count(*) from webhook_delivery where webhook_id = ?",
                statement -> statement.setObject(1, webhookId)));
    }

    /** What an attempt or a replay changes of a delivery. */
    @Override
    public void save(WebhookDelivery delivery) {
        Jdbc.update(dataSource, """
                update webhook_delivery set status = ?, attempts = ?, last_status_code = ?, last_error = ?, next_attempt_at = ?,
                  give_up_at = ?, delivered_at = ?
                where id = ?""", statement -> {
            statement.setString(1, Rows.name(delivery.status));
            statement.setInt(2, delivery.attempts);
            statement.setObject(3, delivery.lastStatusCode, Types.INTEGER);
            statement.setString(4, delivery.lastError);
            statement.setObject(5, delivery.nextAttemptAt);
            statement.setObject(6, delivery.giveUpAt);
            statement.setObject(7, delivery.deliveredAt);
            statement.setLong(8, delivery.id);
        });
    }

    private static WebhookDelivery delivery(ResultSet row) throws SQLException {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = row.getLong(1);
        delivery.webhookId = Rows.uuid(row, 2);
        delivery.eventId = Rows.uuid(row, 3);
        delivery.workshopId = Rows.uuid(row, 4);
        delivery.eventType = row.getString(5);
        delivery.payload = row.getString(6);
        delivery.status = Rows.enumOf(WebhookDelivery.Status.class, row, 7);
        delivery.attempts = row.getInt(8);
        delivery.lastStatusCode = Rows.nullableInt(row, 9);
        delivery.lastError = row.getString(10);
        delivery.nextAttemptAt = Rows.time(row, 11);
        delivery.giveUpAt = Rows.time(row, 12);
        delivery.createdAt = Rows.time(row, 13);
        delivery.deliveredAt = Rows.time(row, 14);
        return delivery;
    }
}
