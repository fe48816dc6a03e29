package fr.antiharcelement.reach.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.events.consumer.IncomingEvent;
import fr.antiharcelement.reach.domain.Contribution;
import fr.antiharcelement.reach.domain.Counters;
import fr.antiharcelement.reach.domain.ReachProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes of the reach projection: one statement per table and batch, on the consumer transaction's connection. */
@ApplicationScoped
public class ReachStore {

    public static final String PROJECTION = "reach";

    @Inject
    EntityManager entityManager;

    /** Upserts the schools of a batch of school-events, in one statement; the last event of a school wins. */
    public void upsertSchools(List<JsonNode> schools) {
        String[] fields = {"uai", "name", "departmentCode", "departmentName", "academyCode", "academyName", "regionCode", "regionName"};
        Map<String, Object[]> byUai = new LinkedHashMap<>();
        for (JsonNode school : schools) {
            Object[] row = new Object[fields.length];
            for (int i = 0; i < fields.length; i++) {
                row[i] = required(school, fields[i]);
            }
            byUai.put((String) row[0], row);
        }
        Columns rows = new Columns("text", "text", "text", "text", "text", "text", "text", "text");
        byUai.values().forEach(rows::add);
        write("""
                insert into school_info (uai, name, department_code, department_name, academy_code, academy_name, region_code, region_name)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[])
                on conflict (uai) do update set name = excluded.name, department_code = excluded.department_code,
                  department_name = excluded.department_name, academy_code = excluded.academy_code,
                  academy_name = excluded.academy_name, region_code = excluded.region_code, region_name = excluded.region_name""",
                rows);
    }

    public void upsertCampaign(JsonNode campaign) {
        JsonNode targets = campaign.path("targets");
        work("""
                insert into campaign_info (code, name, starts_on, ends_on, target_students, target_parents,
                  target_student_workshops, target_parent_workshops, target_schools)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
                  target_students = excluded.target_students, target_parents = excluded.target_parents,
                  target_student_workshops = excluded.target_student_workshops,
                  target_parent_workshops = excluded.target_parent_workshops, target_schools = excluded.target_schools""",
                statement -> {
                    statement.setString(1, required(campaign, "code"));
                    statement.setString(2, required(campaign, "name"));
                    statement.setDate(3, Date.valueOf(LocalDate.parse(required(campaign, "startsOn"))));
                    statement.setDate(4, Date.valueOf(LocalDate.parse(required(campaign, "endsOn"))));
                    statement.setInt(5, targets.path("studentsSensitised").asInt());
                    statement.setObject(6, targets.path("parentsSensitised").isNumber() ? targets.get("parentsSensitised").asInt() : null);
                    statement.setInt(7, targets.path("studentWorkshops").asInt());
                    statement.setInt(8, targets.path("parentWorkshops").asInt());
                    statement.setInt(9, targets.path("schools").asInt());
                    statement.executeUpdate();
                });
    }

    public void upsertPartners(List<IncomingEvent> workshopEvents) {
        Map<String, String> names = new HashMap<>();
        workshopEvents.forEach(event -> names.put(event.data().path("partnerCode").asText(),
                event.data().path("partnerName").isTextual() ? event.data().get("partnerName").asText() : null));
        Columns rows = new Columns("text", "text");
        names.forEach(rows::add);
        write("""
                insert into partner_info (code, name) select * from unnest(?::text[], ?::text[])
                on conflict (code) do update set name = coalesce(excluded.name, partner_info.name)""", rows);
    }

    public Map<UUID, Contribution> contributions(Collection<UUID> workshopIds) {
        Map<UUID, Contribution> found = new HashMap<>();
        work("""
                select workshop_id, campaign_code, school_uai, partner_code, audience, class_level, day, status, attendees, version
                from workshop_contribution where workshop_id = any (?)""", statement -> {
            statement.setArray(1, statement.getConnection().createArrayOf("uuid", workshopIds.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    Contribution contribution = new Contribution(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getString(5), rows.getString(6), rows.getDate(7).toLocalDate(), rows.getString(8),
                            rows.getInt(9), rows.getLong(10));
                    found.put(contribution.workshopId(), contribution);
                }
            }
        });
        return found;
    }

    /** Saves the new state of each workshop; at most one contribution per workshop (one statement cannot upsert a row twice). */
    public void saveContributions(Collection<Contribution> contributions) {
        Columns rows = new Columns("uuid", "text", "text", "text", "text", "text", "date", "text", "int4", "int8");
        for (Contribution c : contributions) {
            rows.add(c.workshopId(), c.campaignCode(), c.schoolUai(), c.partnerCode(), c.audience(), c.classLevel(), c.day(),
                    c.status(), c.attendees(), c.version());
        }
        write("""
                insert into workshop_contribution (workshop_id, campaign_code, school_uai, partner_code, audience, class_level, day,
                  status, attendees, version)
                select * from unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::int[],
                  ?::bigint[])
                on conflict (workshop_id) do update set campaign_code = excluded.campaign_code, school_uai = excluded.school_uai,
                  partner_code = excluded.partner_code, audience = excluded.audience, class_level = excluded.class_level,
                  day = excluded.day, status = excluded.status, attendees = excluded.attendees, version = excluded.version""",
                rows);
    }

    /**
     * Adds a batch's differences to the running totals. Totals are shared by every partition, so rows are upserted in
     * key order: two reach instances then lock them in the same order and cannot deadlock each other.
     */
    public void addToTotals(Map<Contribution.Key, Map<String, Counters>> differences) {
        Columns rows = new Columns("text", "text", "text", "int8", "int8", "int8", "int8", "int8", "int8");
        for (Map.Entry<Contribution.Key, Map<String, Counters>> byKey : differences.entrySet()) {
            for (Map.Entry<String, Counters> byCampaign : byKey.getValue().entrySet()) {
                Counters d = byCampaign.getValue();
                if (!d.isZero()) {
                    rows.add(byCampaign.getKey(), byKey.getKey().dimension().code, byKey.getKey().value(), d.students, d.parents,
                            d.studentWorkshops, d.parentWorkshops, d.scheduledWorkshops, d.schools);
                }
            }
        }
        write("""
                insert into reach_total (campaign_code, dimension, key, students, parents, student_workshops, parent_workshops,
                  scheduled_workshops, schools)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[], ?::bigint[],
                  ?::bigint[]) order by 1, 2, 3
                on conflict (campaign_code, dimension, key) do update set students = reach_total.students + excluded.students,
                  parents = reach_total.parents + excluded.parents,
                  student_workshops = reach_total.student_workshops + excluded.student_workshops,
                  parent_workshops = reach_total.parent_workshops + excluded.parent_workshops,
                  scheduled_workshops = reach_total.scheduled_workshops + excluded.scheduled_workshops,
                  schools = reach_total.schools + excluded.schools""", rows);
    }

    /**
     * Adds to the delivered counts per school and key, and returns the count of each school changed, after the addition:
     * the projection tells from it (and the difference it added) which schools became reached or stopped being reached.
     * Rows are upserted in key order, as in {@link #addToTotals}.
     */
    public Map<ReachProjection.SchoolKey, Long> addToSchools(Map<ReachProjection.SchoolKey, Long> delivered) {
        Columns rows = new Columns("text", "text", "text", "text", "int8");
        delivered.forEach((school, difference) -> {
            if (difference != 0) {
                rows.add(school.campaignCode(), school.key().dimension().code, school.key().value(), school.schoolUai(), difference);
            }
        });
        Map<ReachProjection.SchoolKey, Long> after = new HashMap<>();
        if (rows.isEmpty()) {
            return after;
        }
        work("""
                insert into reach_school (campaign_code, dimension, key, school_uai, delivered)
                select * from unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[]) order by 1, 2, 3, 4
                on conflict (campaign_code, dimension, key, school_uai) do update set delivered = reach_school.delivered + excluded.delivered
                returning campaign_code, dimension, key, school_uai, delivered""", statement -> {
            rows.bind(statement);
            try (ResultSet changed = statement.executeQuery()) {
                while (changed.next()) {
                    Contribution.Key key = new Contribution.Key(Contribution.Dimension.of(changed.getString(2)), changed.getString(3));
                    after.put(new ReachProjection.SchoolKey(changed.getString(1), key, changed.getString(4)), changed.getLong(5));
                }
            }
        });
        return after;
    }

    public void advanceAsOf(Instant newest) {
        work("""
                insert into projection_state (name, as_of) values (?, ?)
                on conflict (name) do update set as_of = greatest(projection_state.as_of, excluded.as_of)""", statement -> {
            statement.setString(1, PROJECTION);
            statement.setTimestamp(2, Timestamp.from(newest));
            statement.executeUpdate();
        });
    }

    /** Empties the projection, for a rebuild from the topics. */
    public void clear() {
        work("truncate workshop_contribution, reach_total, reach_school, school_info, campaign_info, partner_info, projection_state",
                PreparedStatement::execute);
    }

    private interface StatementWork {
        void run(PreparedStatement statement) throws SQLException;
    }

    private void work(String sql, StatementWork work) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                work.run(statement);
            }
        });
    }

    /** Writes a batch's rows in one statement ({@code insert ... select * from unnest(?, ...)}), none if there are none. */
    private void write(String sql, Columns rows) {
        if (!rows.isEmpty()) {
            work(sql, statement -> {
                rows.bind(statement);
                statement.executeUpdate();
            });
        }
    }

    /**
     * Rows bound as one array per column, for {@code select * from unnest(?, ?, ...)}: a whole batch in one statement
     * and one round trip, where a JDBC batch sends a statement per row.
     */
    private static final class Columns {
        private final String[] types;
        private final List<List<Object>> values = new ArrayList<>();

        Columns(String... types) {
            this.types = types;
            for (int i = 0; i < types.length; i++) {
                values.add(new ArrayList<>());
            }
        }

        void add(Object... row) {
            for (int i = 0; i < types.length; i++) {
                values.get(i).add(row[i]);
            }
        }

        boolean isEmpty() {
            return values.get(0).isEmpty();
        }

        void bind(PreparedStatement statement) throws SQLException {
            Connection connection = statement.getConnection();
            for (int i = 0; i < types.length; i++) {
                statement.setArray(i + 1, connection.createArrayOf(types[i], values.get(i).toArray()));
            }
        }
    }

    private static String required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("event without " + field);
        }
        return value.asText();
    }
}
