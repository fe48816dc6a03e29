package fr.antiharcelement.reach.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.reach.domain.online.CampaignOnlineTargets;
import fr.antiharcelement.reach.domain.online.OnlineBreakdown;
import fr.antiharcelement.reach.domain.online.OnlineQueries;
import fr.antiharcelement.reach.domain.online.OnlineRow;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Reads of the online projection, on connections of their own, as {@link ReachQueries} for workshops; the summary's
 * online block and the breakdowns from the totals are {@link KeptReads kept} while no instance has changed the projection.
 */
@ApplicationScoped
public class OnlineQueryTables implements OnlineQueries {

    private static final String FIGURES = "creators, posts, impressions, accounts_reached, engagements";

    private record BreakdownKey(String campaign, OnlineBreakdown by) {
    }

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ProjectionChanges changes;

    /** Asked for after the campaign's workshop summary (404 for an unknown one), so kept for known campaigns only. */
    private final KeptReads<String, Summary> summaries = new KeptReads<>(this::generation, summary -> true);
    private final KeptReads<BreakdownKey, List<OnlineRow>> breakdowns = new KeptReads<>(this::generation, rows -> true);

    /** Read in one query. */
    @Override
    public Summary summary(String campaign) {
        return summaries.get(campaign, () -> query("""
                select asked.code, null, t.creators, t.posts, t.impressions, t.accounts_reached, t.engagements,
                  g.code, g.impressions, g.accounts_reached, g.engagements
                from (select ?::text as code) asked
                left join online_total t on t.campaign_code = asked.code and t.dimension = 'campaign' and t.key = asked.code
                left join campaign_online_target g on g.code = asked.code""",
                statement -> statement.setString(1, campaign),
                rows -> new Summary(row(rows), rows.getString(8) == null ? Optional.empty()
                        : Optional.of(new CampaignOnlineTargets(rows.getString(8), (Long) rows.getObject(9), (Long) rows.getObject(10),
                        (Long) rows.getObject(11))))).get(0));
    }

    @Override
    public OnlineRow totals(String campaign) {
        return query("select key, null, " + FIGURES + " from online_total where campaign_code = ? and dimension = 'campaign'",
                statement -> statement.setString(1, campaign), OnlineQueryTables::row).stream().findFirst()
                .orElse(new OnlineRow(campaign, null, 0, 0, 0, 0, 0));
    }

    @Override
    public List<OnlineRow> breakdownFromTotals(String campaign, OnlineBreakdown by) {
        return breakdowns.get(new BreakdownKey(campaign, by), () -> readBreakdownFromTotals(campaign, by));
    }

    private List<OnlineRow> readBreakdownFromTotals(String campaign, OnlineBreakdown by) {
        String sql = by == OnlineBreakdown.CREATOR
                ? "select t.key, c.name, " + qualified("t") + " from online_total t left join creator_info c on c.handle = t.key "
                  + "where t.campaign_code = ? and t.dimension = 'creator'"
                : "select key, null, " + FIGURES + " from online_total where campaign_code = ? and dimension = '" + by.apiName() + "'";
        return sorted(query(sql, statement -> statement.setString(1, campaign), OnlineQueryTables::row));
    }

    private long generation() {
        return changes.generation();
    }

    /** Exact at any range; used for date-filtered breakdowns and by the audit. */
    @Override
    public List<OnlineRow> breakdownFromContributions(String campaign, OnlineBreakdown by, LocalDate from, LocalDate to) {
        String key = switch (by) {
            case CREATOR -> "p.creator_handle";
            case PLATFORM -> "p.platform";
            case MONTH -> "to_char(p.day, 'YYYY-MM')";
        };
        String sql = """
                select %s as key, %s as name, count(distinct p.creator_handle), count(*), sum(p.impressions), sum(p.accounts_reached),
                  sum(p.engagements)
                from creator_post_contribution p
                left join creator_info c on c.handle = p.creator_handle
                where p.campaign_code = ? and p.day >= ? and p.day <= ?
                group by 1""".formatted(key, by == OnlineBreakdown.CREATOR ? "max(c.name)" : "null");
        return sorted(query(sql, statement -> {
            statement.setString(1, campaign);
            statement.setDate(2, Date.valueOf(from == null ? LocalDate.of(1900, 1, 1) : from));
            statement.setDate(3, Date.valueOf(to == null ? LocalDate.of(9999, 12, 31) : to));
        }, OnlineQueryTables::row));
    }

    @Override
    public List<OnlineRow> days(String campaign) {
        return query("select key, null, " + FIGURES + " from online_total where campaign_code = ? and dimension = 'day' order by key",
                statement -> statement.setString(1, campaign), OnlineQueryTables::row);
    }

    @Override
    public OnlineRow totalsFromContributions(String campaign) {
        return query("""
                select ?, null, count(distinct creator_handle), count(*), coalesce(sum(impressions), 0),
                  coalesce(sum(accounts_reached), 0), coalesce(sum(engagements), 0)
                from creator_post_contribution where campaign_code = ?""", statement -> {
            statement.setString(1, campaign);
            statement.setString(2, campaign);
        }, OnlineQueryTables::row).get(0);
    }

    private static String qualified(String table) {
        return String.join(", ", java.util.Arrays.stream(FIGURES.split(", ")).map(column -> table + "." + column).toList());
    }

    /** Rows with nothing in them (every post under the key moved) are left out; by impressions, then key. */
    private static List<OnlineRow> sorted(List<OnlineRow> rows) {
        return rows.stream().filter(row -> !row.isEmpty())
                .sorted(Comparator.comparingLong(OnlineRow::impressions).reversed().thenComparing(OnlineRow::key)).toList();
    }

    private static OnlineRow row(ResultSet rows) throws SQLException {
        return new OnlineRow(rows.getString(1), rows.getString(2), rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6),
                rows.getLong(7));
    }

    private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.RowMapper<T> mapper) {
        return Jdbc.query(dataSource, sql, binder, mapper);
    }
}
