package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.Campaign;
import fr.antiharcelement.workshop.domain.CampaignStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Campaigns in {@code campaign}, over JDBC on the transaction's connection: read as copies, written when changed. */
@ApplicationScoped
public class CampaignRepository implements CampaignStore {

    /** The columns every read and write names, in the order of {@link #campaign} and {@link #bindState}. */
    private static final String COLUMNS = """
            name, starts_on, ends_on, target_students, target_parents, target_student_workshops, target_parent_workshops,
            target_schools, target_impressions, target_accounts_reached, target_engagements, student_school_types, version,
            updated_at, code, created_at""";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<Campaign> withCode(String code) {
        return one(code, "");
    }

    @Override
    public Optional<Campaign> lockWithCode(String code) {
        return one(code, " for update");
    }

    private Optional<Campaign> one(String code, String lock) {
        return Jdbc.first(dataSource, "select " + COLUMNS + " from campaign where code = ?" + lock,
                statement -> statement.setString(1, code), CampaignRepository::campaign);
    }

    @Override
    public List<Campaign> newestFirst() {
        return Jdbc.query(dataSource, "select " + COLUMNS + " from campaign order by starts_on desc, code", Jdbc.Binder.NONE,
                CampaignRepository::campaign);
    }

    @Override
    public void add(Campaign campaign) {
        Jdbc.update(dataSource, "insert into campaign (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    bindState(statement, campaign);
                    statement.setString(15, campaign.code);
                    statement.setObject(16, campaign.createdAt);
                });
    }

    @Override
    public void save(Campaign campaign) {
        Jdbc.update(dataSource, """
                update campaign set name = ?, starts_on = ?, ends_on = ?, target_students = ?, target_parents = ?,
                  target_student_workshops = ?, target_parent_workshops = ?, target_schools = ?, target_impressions = ?,
                  target_accounts_reached = ?, target_engagements = ?, student_school_types = ?, version = ?, updated_at = ?
                where code = ?""", statement -> {
            bindState(statement, campaign);
            statement.setString(15, campaign.code);
        });
    }

    /** The columns from name to updated_at, parameters 1 to 14 of the insert and of the update alike. */
    private static void bindState(PreparedStatement statement, Campaign c) throws SQLException {
        statement.setString(1, c.name);
        statement.setObject(2, c.startsOn);
        statement.setObject(3, c.endsOn);
        statement.setInt(4, c.targetStudents);
        statement.setObject(5, c.targetParents, Types.INTEGER);
        statement.setInt(6, c.targetStudentWorkshops);
        statement.setInt(7, c.targetParentWorkshops);
        statement.setInt(8, c.targetSchools);
        statement.setObject(9, c.targetImpressions, Types.BIGINT);
        statement.setObject(10, c.targetAccountsReached, Types.BIGINT);
        statement.setObject(11, c.targetEngagements, Types.BIGINT);
        statement.setString(12, c.studentSchoolTypes);
        statement.setLong(13, c.version);
        statement.setObject(14, c.updatedAt);
    }

    private static Campaign campaign(ResultSet row) throws SQLException {
        Campaign campaign = new Campaign();
        campaign.name = row.getString(1);
        campaign.startsOn = row.getObject(2, LocalDate.class);
        campaign.endsOn = row.getObject(3, LocalDate.class);
        campaign.targetStudents = row.getInt(4);
        campaign.targetParents = Rows.nullableInt(row, 5);
        campaign.targetStudentWorkshops = row.getInt(6);
        campaign.targetParentWorkshops = row.getInt(7);
        campaign.targetSchools = row.getInt(8);
        campaign.targetImpressions = Rows.nullableLong(row, 9);
        campaign.targetAccountsReached = Rows.nullableLong(row, 10);
        campaign.targetEngagements = Rows.nullableLong(row, 11);
        campaign.studentSchoolTypes = row.getString(12);
        campaign.version = row.getLong(13);
        campaign.updatedAt = Rows.time(row, 14);
        campaign.code = row.getString(15);
        campaign.createdAt = Rows.time(row, 16);
        return campaign;
    }
}
