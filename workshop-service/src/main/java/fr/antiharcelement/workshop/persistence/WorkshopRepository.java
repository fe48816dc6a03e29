package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.kernel.sql.Conditions;
import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.kernel.sql.SqlFailures;
import fr.antiharcelement.workshop.domain.Audience;
import fr.antiharcelement.workshop.domain.ClassLevel;
import fr.antiharcelement.workshop.domain.DoubleBookingException;
import fr.antiharcelement.workshop.domain.ReasonCode;
import fr.antiharcelement.workshop.domain.ReferenceTakenException;
import fr.antiharcelement.workshop.domain.Workshop;
import fr.antiharcelement.workshop.domain.WorkshopQuery;
import fr.antiharcelement.workshop.domain.WorkshopStatus;
import fr.antiharcelement.workshop.domain.WorkshopStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Workshops in the {@code workshop} table, over plain JDBC on the transaction's connection. Every request that changes
 * workshops goes through here, so no ORM sits on that path: no session to open, no dirty checking, no flush at commit.
 * Scheduling one cost about 7 ms of the service's CPU with Hibernate persisting and flushing the entity, a seventh of
 * it in Hibernate itself (docs/benchmark-methods.md). A change is written when the planner saves it, at once: a
 * booking the database refuses fails there, where the planner can answer it.
 */
@ApplicationScoped
public class WorkshopRepository implements WorkshopStore {

    /** PostgreSQL's exclusion_violation, raised by the constraint that keeps a facilitator in one workshop at a time. */
    private static final String EXCLUSION_VIOLATION = "23P01";
    private static final String DOUBLE_BOOKING_CONSTRAINT = "workshop_no_double_booking";
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String PARTNER_REFERENCE_INDEX = "workshop_partner_reference";

    private static final String COLUMNS = "id, campaign_code, school_uai, partner_code, partner_reference, facilitator_id, audience, "
            + "class_level, starts_at, ends_at, capacity, status, attendees, cancellation_reason_code, cancellation_note, version, "
            + "created_at, updated_at";
    private static final String SELECT = "select " + COLUMNS + " from workshop ";
    private static final String INSERT = "insert into workshop (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /** Every column but the id (the key) and the creation time (set once). */
    private static final String UPDATE = """
            update workshop set campaign_code = ?, school_uai = ?, partner_code = ?, partner_reference = ?, facilitator_id = ?,
              audience = ?, class_level = ?, starts_at = ?, ends_at = ?, capacity = ?, status = ?, attendees = ?,
              cancellation_reason_code = ?, cancellation_note = ?, version = ?, updated_at = ?
            where id = ?""";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<Workshop> withId(UUID id) {
        return Jdbc.first(dataSource, SELECT + "where id = ?", statement -> statement.setObject(1, id), WorkshopRepository::workshop);
    }

    @Override
    public Optional<Workshop> lockWithId(UUID id) {
        return Jdbc.first(dataSource, SELECT + "where id = ? for update", statement -> statement.setObject(1, id),
                WorkshopRepository::workshop);
    }

    @Override
    public Optional<Workshop> withPartnerReference(String partnerCode, String partnerReference) {
        return Jdbc.first(dataSource, SELECT + "where partner_code = ? and partner_reference = ?", statement -> {
            statement.setString(1, partnerCode);
            statement.setString(2, partnerReference);
        }, WorkshopRepository::workshop);
    }

    @Override
    public Map<String, Workshop> lockWithPartnerReferences(String partnerCode, Collection<String> partnerReferences) {
        if (partnerReferences.isEmpty()) {
            return Map.of();
        }
        // In id order, as every lock of several workshops: two uploads touching the same ones cannot deadlock.
        return Jdbc.query(dataSource, SELECT + "where partner_code = ? and partner_reference = any (?) order by id for update",
                        statement -> {
                            statement.setString(1, partnerCode);
                            Jdbc.setArray(statement, 2, "text", partnerReferences);
                        }, WorkshopRepository::workshop).stream()
                .collect(Collectors.toMap(workshop -> workshop.partnerReference, Function.identity()));
    }

    /** Asked as the exclusion constraint is written, so that its GiST index answers (see {@link DraftFactsQuery}). */
    @Override
    public Optional<Workshop> overlapping(UUID facilitatorId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID except) {
        return Jdbc.first(dataSource, SELECT + """
                where facilitator_id = ? and status <> 'CANCELLED' and tstzrange(starts_at, ends_at) && tstzrange(?, ?)
                  and id <> ? limit 1""", statement -> {
            statement.setObject(1, facilitatorId);
            statement.setObject(2, startsAt);
            statement.setObject(3, endsAt);
            statement.setObject(4, except == null ? new UUID(0, 0) : except);
        }, WorkshopRepository::workshop);
    }

    @Override
    public PageView<Workshop> search(WorkshopQuery query, Optional<String> partnerScope, PageRequest page) {
        Conditions where = new Conditions();
        partnerScope.ifPresent(partner -> where.add("partner_code = ?", partner));
        where.add("campaign_code = ?", query.campaign());
        where.add("school_uai = ?", query.school() == null ? null : query.school().trim().toUpperCase());
        where.add("partner_code = ?", query.partner());
        where.add("facilitator_id = ?", query.facilitator());
        where.add("status = ?", query.status() == null ? null : query.status().name());
        where.add("audience = ?", query.audience() == null ? null : query.audience().name());
        where.add("starts_at >= ?", query.from());
        where.add("starts_at < ?", query.to());
        where.add("partner_reference = ?", query.partnerReference());
        where.add("updated_at >= ?", query.updatedSince());
        String order = query.updatedSince() != null ? " order by updated_at, id" : " order by starts_at, id";
        List<Workshop> found = Jdbc.query(dataSource, SELECT + where.sql() + order + " limit ? offset ?", statement -> {
            int next = where.bind(statement);
            statement.setInt(next, page.size());
            statement.setLong(next + 1, page.offset());
        }, WorkshopRepository::workshop);
        return PageView.counting(found, page, () -> Jdbc.count(dataSource, "select count(*) from workshop " + where.sql(), where::bind));
    }

    @Override
    public void add(Workshop workshop) {
        write(workshop, INSERT, statement -> {
            statement.setObject(1, workshop.id);
            bindState(statement, workshop, 2);
            statement.setObject(17, workshop.createdAt);
            statement.setObject(18, workshop.updatedAt);
        });
    }

    @Override
    public void save(Workshop workshop) {
        write(workshop, UPDATE, statement -> {
            bindState(statement, workshop, 1);
            statement.setObject(16, workshop.updatedAt);
            statement.setObject(17, workshop.id);
        });
    }

    /** The columns from campaign_code to version, in {@link #COLUMNS}' order (the update's too), from parameter {@code first} on. */
    private static void bindState(PreparedStatement statement, Workshop workshop, int first) throws SQLException {
        statement.setString(first, workshop.campaignCode);
        statement.setString(first + 1, workshop.schoolUai);
        statement.setString(first + 2, workshop.partnerCode);
        statement.setString(first + 3, workshop.partnerReference);
        statement.setObject(first + 4, workshop.facilitatorId);
        statement.setString(first + 5, Rows.name(workshop.audience));
        statement.setString(first + 6, Rows.name(workshop.classLevel));
        statement.setObject(first + 7, workshop.startsAt);
        statement.setObject(first + 8, workshop.endsAt);
        statement.setInt(first + 9, workshop.capacity);
        statement.setString(first + 10, Rows.name(workshop.status));
        statement.setObject(first + 11, workshop.attendees);
        statement.setString(first + 12, Rows.name(workshop.cancellationReasonCode));
        statement.setString(first + 13, workshop.cancellationNote);
        statement.setLong(first + 14, workshop.version);
    }

    /**
     * Writes now, so that a booking lost to a concurrent one surfaces here, not at commit. The refusal is read from the
     * SQLSTATE among the failure's causes, whatever wraps it.
     */
    private void write(Workshop workshop, String sql, Jdbc.Binder binder) {
        try {
            Jdbc.update(dataSource, sql, binder);
        } catch (RuntimeException e) {
            if (SqlFailures.violation(e, EXCLUSION_VIOLATION, DOUBLE_BOOKING_CONSTRAINT).isPresent()) {
                throw new DoubleBookingException(workshop.facilitatorId, workshop.startsAt, workshop.endsAt, workshop.id);
            }
            if (SqlFailures.violation(e, UNIQUE_VIOLATION, PARTNER_REFERENCE_INDEX).isPresent()) {
                // A concurrent request took the reference between our check and our insert.
                throw new ReferenceTakenException(workshop.partnerCode, workshop.partnerReference);
            }
            throw e;
        }
    }

    private static Workshop workshop(ResultSet row) throws SQLException {
        Workshop workshop = new Workshop();
        workshop.id = row.getObject(1, UUID.class);
        workshop.campaignCode = row.getString(2);
        workshop.schoolUai = row.getString(3);
        workshop.partnerCode = row.getString(4);
        workshop.partnerReference = row.getString(5);
        workshop.facilitatorId = row.getObject(6, UUID.class);
        workshop.audience = Audience.valueOf(row.getString(7));
        workshop.classLevel = row.getString(8) == null ? null : ClassLevel.valueOf(row.getString(8));
        workshop.startsAt = time(row, 9);
        workshop.endsAt = time(row, 10);
        workshop.capacity = row.getInt(11);
        workshop.status = WorkshopStatus.valueOf(row.getString(12));
        workshop.attendees = row.getObject(13, Integer.class);
        workshop.cancellationReasonCode = row.getString(14) == null ? null : ReasonCode.valueOf(row.getString(14));
        workshop.cancellationNote = row.getString(15);
        workshop.version = row.getLong(16);
        workshop.createdAt = time(row, 17);
        workshop.updatedAt = time(row, 18);
        return workshop;
    }

    /** A stored instant in campaign time, as the planner sets them. */
    private static OffsetDateTime time(ResultSet row, int column) throws SQLException {
        return CampaignTime.inCampaignTime(row.getObject(column, OffsetDateTime.class));
    }
}
