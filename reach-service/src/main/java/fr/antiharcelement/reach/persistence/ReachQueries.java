package fr.antiharcelement.reach.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.reach.domain.Breakdown;
import fr.antiharcelement.reach.domain.CampaignState;
import fr.antiharcelement.reach.domain.ProjectionQueries;
import fr.antiharcelement.reach.domain.ReachRow;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the reach projection, on connections of their own. Unfiltered reads come from the running totals (small,
 * indexed); a date range, or an audit, aggregates the workshop contributions themselves.
 *
 * <p>The reads dashboards repeat (campaigns, summaries, breakdowns from the totals) are {@link KeptReads kept} while
 * no instance has changed the projection.
 */
@ApplicationScoped
public class ReachQueries implements ProjectionQueries {

    private record BreakdownKey(String campaign, Breakdown by) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProjectionChanges changes;

    private final KeptReads<String, List<String>> campaignCodes = new KeptReads<>(this::generation, codes -> true);
    /** Summaries of campaigns reach knows nothing of are not kept: any code may be asked for. */
    private final KeptReads<String, Summary> summaries = new KeptReads<>(this::generation,
            summary -> summary.campaign().isPresent() || !summary.totals().equals(new ReachRow(summary.totals().key(), null, 0, 0, 0, 0, 0, 0)));
    /** Asked for after the campaign's summary (404 for an unknown one), so kept for known campaigns only. */
    private final KeptReads<BreakdownKey, List<ReachRow>> breakdowns = new KeptReads<>(this::generation, rows -> true);

    @Override
    public List<String> campaignCodes() {
        return campaignCodes.get("", this::readCampaignCodes);
    }

    @Override
    public Summary summary(String code) {
        return summaries.get(code, () -> readSummary(code));
    }

    @Override
    public List<ReachRow> breakdownFromTotals(String campaign, Breakdown by) {
        return breakdowns.get(new BreakdownKey(campaign, by), () -> readBreakdownFromTotals(campaign, by));
    }

    private long generation() {
        return changes.generation();
    }

    private List<String> readCampaignCodes() {
        return query("""
                select code from campaign_info union select distinct campaign_code from reach_total where dimension = 'campaign'
                order by 1""", Jdbc.Binder.NONE, rows -> rows.getString(1));
    }

    /** Read in one query. */
    private Summary readSummary(String code) {
        return query("""
                select c.code, c.name, c.starts_on, c.ends_on, c.target_students, c.target_parents, c.target_student_workshops,
                  c.target_parent_workshops, c.target_schools,
                  coalesce(t.students, 0) as students, coalesce(t.parents, 0) as parents,
                  coalesce(t.student_workshops, 0) as student_workshops, coalesce(t.parent_workshops, 0) as parent_workshops,
                  coalesce(t.scheduled_workshops, 0) as scheduled_workshops, coalesce(t.schools, 0) as schools,
                  (select as_of from projection_state where name = ?) as as_of
                from (select ?::text as code) asked
                left join campaign_info c on c.code = asked.code
                left join reach_total t on t.campaign_code = asked.code and t.dimension = 'campaign' and t.key = asked.code""",
                statement -> {
                    statement.setString(1, ReachStore.PROJECTION);
                    statement.setString(2, code);
                }, rows -> {
                    Optional<CampaignState> campaign = rows.getString("code") == null ? Optional.empty()
                            : Optional.of(new CampaignState(rows.getString("code"), rows.getString("name"),
                            rows.getDate("starts_on").toLocalDate(), rows.getDate("ends_on").toLocalDate(), rows.getInt("target_students"),
                            (Integer) rows.getObject("target_parents"), rows.getInt("target_student_workshops"),
                            rows.getInt("target_parent_workshops"), rows.getInt("target_schools")));
                    ReachRow totals = new ReachRow(code, null, rows.getLong("students"), rows.getLong("parents"),
                            rows.getLong("student_workshops"), rows.getLong("parent_workshops"), rows.getLong("scheduled_workshops"),
                            rows.getLong("schools"));
                    Timestamp asOf = rows.getTimestamp("as_of");
                    return new Summary(campaign, totals, Optional.ofNullable(asOf).map(Timestamp::toInstant));
                }).get(0);
    }

    @Override
    public ReachRow totals(String campaign) {
        return query("""
                select t.key, null as name, t.students, t.parents, t.student_workshops, t.parent_workshops, t.scheduled_workshops,
                  t.schools
                from reach_total t where t.campaign_code = ? and t.dimension = 'campaign'""",
                statement -> statement.setString(1, campaign), rows -> row(rows, null)).stream().findFirst()
                .orElse(new ReachRow(campaign, null, 0, 0, 0, 0, 0, 0));
    }

    /**
     * Région, académie and département sum the per-school totals: a school's own row counts 1 school reached or none,
     * so the sum counts the schools reached.
     */
    private List<ReachRow> readBreakdownFromTotals(String campaign, Breakdown by) {
        String sql = switch (by) {
            case REGION, ACADEMY, DEPARTMENT -> {
                String column = by.name().toLowerCase();
                yield """
                        select coalesce(si.%1$s_code, 'UNKNOWN') as key, max(si.%1$s_name) as name, sum(t.students), sum(t.parents),
                          sum(t.student_workshops), sum(t.parent_workshops), sum(t.scheduled_workshops), sum(t.schools)
                        from reach_total t
                        left join school_info si on si.uai = t.key
                        where t.campaign_code = ? and t.dimension = 'school'
                        group by 1""".formatted(column);
            }
            case SCHOOL -> """
                    select t.key, si.name, t.students, t.parents, t.student_workshops, t.parent_workshops, t.scheduled_workshops, t.schools
                    from reach_total t left join school_info si on si.uai = t.key
                    where t.campaign_code = ? and t.dimension = 'school'""";
            case PARTNER -> """
                    select t.key, p.name, t.students, t.parents, t.student_workshops, t.parent_workshops, t.scheduled_workshops, t.schools
                    from reach_total t left join partner_info p on p.code = t.key
                    where t.campaign_code = ? and t.dimension = 'partner'""";
            default -> """
                    select t.key, null, t.students, t.parents, t.student_workshops, t.parent_workshops, t.scheduled_workshops, t.schools
                    from reach_total t where t.campaign_code = ? and t.dimension = '%s'""".formatted(dimensionOf(by));
        };
        return sorted(query(sql, statement -> statement.setString(1, campaign), rows -> row(rows, rows.getString(2))));
    }

    /** Exact at any range; used for date-filtered breakdowns and by the audit. */
    @Override
    public List<ReachRow> breakdownFromContributions(String campaign, Breakdown by, LocalDate from, LocalDate to) {
        String key = switch (by) {
            case REGION -> "coalesce(si.region_code, 'UNKNOWN')";
            case ACADEMY -> "coalesce(si.academy_code, 'UNKNOWN')";
            case DEPARTMENT -> "coalesce(si.department_code, 'UNKNOWN')";
            case SCHOOL -> "c.school_uai";
            case PARTNER -> "c.partner_code";
            case AUDIENCE -> "c.audience";
            case CLASS_LEVEL -> "coalesce(c.class_level, 'NONE')";
            case MONTH -> "to_char(c.day, 'YYYY-MM')";
        };
        String name = switch (by) {
            case REGION -> "max(si.region_name)";
            case ACADEMY -> "max(si.academy_name)";
            case DEPARTMENT -> "max(si.department_name)";
            case SCHOOL -> "max(si.name)";
            case PARTNER -> "max(p.name)";
            default -> "null";
        };
        String sql = """
                select %s as key, %s as name,
                  sum(case when c.status = 'COMPLETED' and c.audience = 'STUDENTS' then c.attendees else 0 end),
                  sum(case when c.status = 'COMPLETED' and c.audience = 'PARENTS' then c.attendees else 0 end),
                  count(*) filter (where c.status = 'COMPLETED' and c.audience = 'STUDENTS'),
                  count(*) filter (where c.status = 'COMPLETED' and c.audience = 'PARENTS'),
                  count(*) filter (where c.status = 'SCHEDULED'),
                  count(distinct c.school_uai) filter (where c.status = 'COMPLETED')
                from workshop_contribution c
                left join school_info si on si.uai = c.school_uai
                left join partner_info p on p.code = c.partner_code
                where c.campaign_code = ? and c.day >= ? and c.day <= ?
                group by 1""".formatted(key, name);
        return sorted(query(sql, statement -> {
            statement.setString(1, campaign);
            statement.setDate(2, Date.valueOf(from == null ? LocalDate.of(1900, 1, 1) : from));
            statement.setDate(3, Date.valueOf(to == null ? LocalDate.of(9999, 12, 31) : to));
        }, rows -> row(rows, rows.getString(2))));
    }

    @Override
    public List<ReachRow> days(String campaign) {
        return query("""
                select key, null, students, parents, student_workshops, parent_workshops, scheduled_workshops, 0
                from reach_total where campaign_code = ? and dimension = 'day' order by key""",
                statement -> statement.setString(1, campaign), rows -> row(rows, null));
    }

    @Override
    public ReachRow totalsFromContributions(String campaign) {
        return query("""
                select ?, null,
                  coalesce(sum(case when status = 'COMPLETED' and audience = 'STUDENTS' then attendees else 0 end), 0),
                  coalesce(sum(case when status = 'COMPLETED' and audience = 'PARENTS' then attendees else 0 end), 0),
                  count(*) filter (where status = 'COMPLETED' and audience = 'STUDENTS'),
                  count(*) filter (where status = 'COMPLETED' and audience = 'PARENTS'),
                  count(*) filter (where status = 'SCHEDULED'),
                  count(distinct school_uai) filter (where status = 'COMPLETED')
                from workshop_contribution where campaign_code = ?""", statement -> {
            statement.setString(1, campaign);
            statement.setString(2, campaign);
        }, rows -> row(rows, null)).get(0);
    }

    private static String dimensionOf(Breakdown by) {
        return switch (by) {
            case AUDIENCE -> "audience";
            case CLASS_LEVEL -> "classLevel";
            case MONTH -> "month";
            default -> throw new IllegalArgumentException(by + " is read with its names");
        };
    }

    /** Rows with nothing in them (every workshop under the key moved or was cancelled) are left out. */
    private static List<ReachRow> sorted(List<ReachRow> rows) {
        return rows.stream().filter(row -> row.studentsSensitised() != 0 || row.parentsSensitised() != 0
                        || row.studentWorkshopsDelivered() != 0 || row.parentWorkshopsDelivered() != 0 || row.workshopsScheduled() != 0)
                .sorted(java.util.Comparator.comparingLong(ReachRow::studentsSensitised).reversed()
                        .thenComparing(java.util.Comparator.comparingLong(ReachRow::parentsSensitised).reversed())
                        .thenComparing(ReachRow::key))
                .toList();
    }

    private static ReachRow row(ResultSet rows, String name) throws SQLException {
        return new ReachRow(rows.getString(1), name, rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6),
                rows.getLong(7), rows.getLong(8));
    }

    private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.RowMapper<T> mapper) {
        return Jdbc.query(dataSource, sql, binder, mapper);
    }
}
