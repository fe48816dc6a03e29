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

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes of the reach projection: batched statements on the consumer transaction's connection. */
@ApplicationScoped
public class ReachStore {

    public static final String PROJECTION = "reach";

    @Inject
    EntityManager entityManager;

    public void upsertSchool(JsonNode school) {
        work("""
                insert into school_info (uai, name, department_code, department_name, academy_code, academy_name, region_code, region_name)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (uai) do update set name = excluded.name, department_code = excluded.department_code,
                  department_name = excluded.department_name, academy_code = excluded.academy_code,
                  academy_name = excluded.academy_name, region_code = excluded.region_code, region_name = excluded.region_name""",
                statement -> {
                    String[] fields = {"uai", "name", "departmentCode", "departmentName", "academyCode", "academyName", "regionCode", "regionName"};
                    for (int i = 0; i < fields.length; i++) {
                        statement.setString(i + 1, required(school, fields[i]));
                    }
                    statement.executeUpdate();
                });
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
        work("insert into partner_info (code, name) values (?, ?) on conflict (code) do update set name = coalesce(excluded.name, partner_info.name)",
                statement -> {
                    for (Map.Entry<String, String> partner : names.entrySet()) {
                        statement.setString(1, partner.getKey());
                        statement.setString(2, partner.getValue());
                        statement.addBatch();
                    }
                    statement.executeBatch();
                });
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

    public void saveContributions(List<Contribution> contributions) {
        work("""
                insert into workshop_contribution (workshop_id, campaign_code, school_uai, partner_code, audience, class_level, day,
                  status, attendees, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (workshop_id) do update set campaign_code = excluded.campaign_code, school_uai = excluded.school_uai,
                  partner_code = excluded.partner_code, audience = excluded.audience, class_level = excluded.class_level,
                  day = excluded.day, status = excluded.status, attendees = excluded.attendees, version = excluded.version""",
                statement -> {
                    for (Contribution c : contributions) {
                        statement.setObject(1, c.workshopId());
                        statement.setString(2, c.campaignCode());
                        statement.setString(3, c.schoolUai());
                        statement.setString(4, c.partnerCode());
                        statement.setString(5, c.audience());
                        statement.setString(6, c.classLevel());
                        statement.setDate(7, Date.valueOf(c.day()));
                        statement.setString(8, c.status());
                        statement.setInt(9, c.attendees());
                        statement.setLong(10, c.version());
                        statement.addBatch();
                    }
                    statement.executeBatch();
                });
    }

    public void addToTotals(Map<Contribution.Key, Map<String, Counters>> differences) {
        work("""
                insert into reach_total (campaign_code, dimension, key, students, parents, student_workshops, parent_workshops,
                  scheduled_workshops) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (campaign_code, dimension, key) do update set students = reach_total.students + excluded.students,
                  parents = reach_total.parents + excluded.parents,
                  student_workshops = reach_total.student_workshops + excluded.student_workshops,
                  parent_workshops = reach_total.parent_workshops + excluded.parent_workshops,
                  scheduled_workshops = reach_total.scheduled_workshops + excluded.scheduled_workshops""",
                statement -> {
                    for (Map.Entry<Contribution.Key, Map<String, Counters>> byKey : differences.entrySet()) {
                        for (Map.Entry<String, Counters> byCampaign : byKey.getValue().entrySet()) {
                            Counters d = byCampaign.getValue();
                            if (d.isZero()) {
                                continue;
                            }
                            statement.setString(1, byCampaign.getKey());
                            statement.setString(2, byKey.getKey().dimension().code);
                            statement.setString(3, byKey.getKey().value());
                            statement.setLong(4, d.students);
                            statement.setLong(5, d.parents);
                            statement.setLong(6, d.studentWorkshops);
                            statement.setLong(7, d.parentWorkshops);
                            statement.setLong(8, d.scheduledWorkshops);
                            statement.addBatch();
                        }
                    }
                    statement.executeBatch();
                });
    }

    public void addToSchools(Map<ReachProjection.SchoolKey, Long> delivered) {
        work("""
                insert into reach_school (campaign_code, dimension, key, school_uai, delivered) values (?, ?, ?, ?, ?)
                on conflict (campaign_code, dimension, key, school_uai) do update set delivered = reach_school.delivered + excluded.delivered""",
                statement -> {
                    for (Map.Entry<ReachProjection.SchoolKey, Long> entry : delivered.entrySet()) {
                        if (entry.getValue() == 0) {
                            continue;
                        }
                        statement.setString(1, entry.getKey().campaignCode());
                        statement.setString(2, entry.getKey().key().dimension().code);
                        statement.setString(3, entry.getKey().key().value());
                        statement.setString(4, entry.getKey().schoolUai());
                        statement.setLong(5, entry.getValue());
                        statement.addBatch();
                    }
                    statement.executeBatch();
                });
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
                java.sql.PreparedStatement::execute);
    }

    private interface StatementWork {
        void run(PreparedStatement statement) throws java.sql.SQLException;
    }

    private void work(String sql, StatementWork work) {
        entityManager.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                work.run(statement);
            }
        });
    }

    private static String required(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("event without " + field);
        }
        return value.asText();
    }
}
