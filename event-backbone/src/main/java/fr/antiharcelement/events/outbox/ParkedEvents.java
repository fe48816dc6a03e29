package fr.antiharcelement.events.outbox;

import fr.antiharcelement.kernel.sql.Jdbc;
import io.agroal.api.AgroalDataSource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The outbox rows the relay parked because the broker will never take them, for the service's admins: every service
 * answers it the same way, since every service has an outbox. The payload stays in the database (it is the
 * aggregate's whole state); the answer says which event, how large, when and why.
 */
@Path("/api/v1/outbox/parked")
@ApplicationScoped
public class ParkedEvents {

    /** A parked row as an admin reads it. */
    public record ParkedEvent(long seq, UUID id, String topic, String aggregateId, String eventType, long version, int bytes,
                              OffsetDateTime parkedAt, String reason) {
    }

    @Inject
    AgroalDataSource dataSource;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed("campaign:admin") // api-commons' Roles.ADMIN: event-backbone does not depend on api-commons
    @Operation(operationId = "listParkedEvents", summary = "Events the broker would not take, parked with the reason, newest first (the events after them flowed)")
    public List<ParkedEvent> parked(@QueryParam("page") @DefaultValue("0") @Min(0) @Max(1_000_000) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(200) int size) {
        return Jdbc.query(dataSource, """
                select seq, id, topic, aggregate_id, event_type, aggregate_version, octet_length(payload), parked_at, parked_reason
                from outbox_event where parked_at is not null order by seq desc limit ? offset ?""", statement -> {
            statement.setInt(1, size);
            statement.setLong(2, (long) page * size);
        }, row -> new ParkedEvent(row.getLong(1), row.getObject(2, UUID.class), row.getString(3), row.getString(4),
                row.getString(5), row.getLong(6), row.getInt(7), row.getObject(8, OffsetDateTime.class), row.getString(9)));
    }
}
