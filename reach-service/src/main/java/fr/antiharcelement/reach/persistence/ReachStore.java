package fr.antiharcelement.reach.persistence;

import fr.antiharcelement.kernel.sql.Columns;
import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.reach.domain.CampaignState;
import fr.antiharcelement.reach.domain.CompletedWorkshops;
import fr.antiharcelement.reach.domain.Contribution;
import fr.antiharcelement.reach.domain.Counters;
import fr.antiharcelement.reach.domain.ProjectionStore;
import fr.antiharcelement.reach.domain.SchoolKey;
import fr.antiharcelement.reach.domain.SchoolState;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Writes of the reach projection: one statement per table and batch, on the consumer transaction's connection. */
@ApplicationScoped
public class ReachStore implements ProjectionStore {

    /** The projection's row in projection_state. */
    static final String PROJECTION = "reach";

    /** In the consumer's transaction, the pool hands out the transaction's connection: the statements join it. */
    @Inject
    AgroalDataSource dataSource;

    /** In one statement, which cannot upsert a row twice: hence the last state of each school only. */
    @Override
    public void saveSchools(List<SchoolState> schools) {
        Map<String, SchoolState> byUai = new LinkedHashMap<>();
        schools.forEach(school -> byUai.put(school.uai(), school));
        Columns rows = new Columns("text", "text", "text", "text", "text", "text", "text", "text");
        byUai.values().forEach(s -> rows.add(s.uai(), s.name(), s.departmentCode(), s.departmentName(), s.academyCode(),
                s.academyName(), s.regionCode(), s.regionName()));
        write("""
                insert into school_info (uai, name, department_code, department_name, academy_code, academy_name, region_code, region_name)
                select * from unnest(%s)
                on conflict (uai) do update set name = excluded.name, department_code = excluded.department_code,
                  department_name = excluded.department_name, academy_code = excluded.academy_code,
                  academy_name = excluded.academy_name, region_code = excluded.region_code, region_name = excluded.region_name"""
                .formatted(rows.placeholders()), rows);
    }

    @Override
    public void saveCampaign(CampaignState campaign) {
        update("""
                insert into campaign_info (code, name, starts_on, ends_on, target_students, target_parents,
                  target_student_workshops, target_parent_workshops, target_schools)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (code) do update set name = excluded.name, starts_on = excluded.starts_on, ends_on = excluded.ends_on,
                  target_students = excluded.target_students, target_parents = excluded.target_parents,
                  target_student_workshops = excluded.target_student_workshops,
                  target_parent_workshops = excluded.target_parent_workshops, target_schools = excluded.target_schools""",
                statement -> {
                    statement.setString(1, campaign.code());
                    statement.setString(2, campaign.name());
                    statement.setDate(3, Date.valueOf(campaign.startsOn()));
                    statement.setDate(4, Date.valueOf(campaign.endsOn()));
                    statement.setInt(5, campaign.targetStudents());
                    statement.setObject(6, campaign.targetParents());
                    statement.setInt(7, campaign.targetStudentWorkshops());
                    statement.setInt(8, campaign.targetParentWorkshops());
                    statement.setInt(9, campaign.targetSchools());
                });
    }

    @Override
    public void savePartners(Map<String, String> names) {
        Columns rows = new Columns("text", "text");
        names.forEach(rows::add);
        write("""
                insert into partner_info (code, name) select * from unnest(%s)
                on conflict (code) do update set name = coalesce(excluded.name, partner_info.name)""".formatted(rows.placeholders()),
                rows);
    }

    /** In workshop order: two instances applying the same workshops lock their rows in the same order. */
    @Override
    public Map<UUID, Contribution> lockContributions(Collection<UUID> workshopIds) {
        Map<UUID, Contribution> found = new HashMap<>();
        query("""
                select workshop_id, campaign_code, school_uai, partner_code, audience, class_level, day, status, attendees, version
                from workshop_contribution where workshop_id = any (?) order by workshop_id for update""",
                statement -> Jdbc.setArray(statement, 1, "uuid", workshopIds),
                row -> new Contribution(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                        row.getString(5), row.getString(6), row.getDate(7).toLocalDate(), row.getString(8), row.getInt(9),
                        row.getLong(10)))
                .forEach(contribution -> found.put(contribution.workshopId(), contribution));
        return found;
    }

    /**
     * A plain insert, in workshop order: a row another transaction inserted meanwhile fails it on the primary key (after
     * that transaction commits, if it is still running), where an upsert would overwrite a contribution this batch
     * never subtracted.
     */
    @Override
    public void addContributions(Collection<Contribution> contributions) {
        Columns rows = contributionRows(contributions);
        write("""
                insert into workshop_contribution (workshop_id, campaign_code, school_uai, partner_code, audience, class_level, day,
                  status, attendees, version)
                select * from unnest(%s) order by 1""".formatted(rows.placeholders()), rows);
    }

    @Override
    public void replaceContributions(Collection<Contribution> contributions) {
        Columns rows = contributionRows(contributions);
        write("""
                update workshop_contribution c set campaign_code = n.campaign_code, school_uai = n.school_uai,
                  partner_code = n.partner_code, audience = n.audience, class_level = n.class_level, day = n.day,
                  status = n.status, attendees = n.attendees, version = n.version
                from unnest(%s) as n (workshop_id, campaign_code, school_uai, partner_code, audience, class_level, day, status,
                  attendees, version)
                where c.workshop_id = n.workshop_id""".formatted(rows.placeholders()), rows);
    }

    private static Columns contributionRows(Collection<Contribution> contributions) {
        Columns rows = new Columns("uuid", "text", "text", "text", "text", "text", "date", "text", "int4", "int8");
        for (Contribution c : contributions) {
            rows.add(c.workshopId(), c.campaignCode(), c.schoolUai(), c.partnerCode(), c.audience(), c.classLevel(), c.day(),
                    c.status(), c.attendees(), c.version());
        }
        return rows;
    }

    /**
     * Totals are shared by every partition, so rows are upserted in key order: two reach instances then lock them in
     * the same order and cannot deadlock each other (the schools' rows, written first, in the same order too).
     */
    @Override
    public void addToTotals(Map<Contribution.Key, Map<String, Counters>> differences) {
        write(ADD_TO_TOTALS, totalRows(differences, false));
    }

    /**
     * A school's row counts itself reached (schools = 1) while it has completed workshops, computed from the row as it
     * is after the addition, so that two instances adding to it in turn both leave it right. It also keeps its
     * workshops per class level, which no other row of the totals does.
     */
    @Override
    public Map<SchoolKey, CompletedWorkshops> addToSchoolTotals(Map<Contribution.Key, Map<String, Counters>> differences) {
        Columns rows = totalRows(differences, true);
        Map<SchoolKey, CompletedWorkshops> after = new HashMap<>();
        if (rows.isEmpty()) {
            return after;
        }
        query(ADD_TO_SCHOOL_TOTALS, rows::bind, row -> {
            String school = row.getString(2);
            List<Long> byClassLevel = new ArrayList<>();
            for (int level = 0; level < CLASS_LEVEL_COLUMNS.size(); level++) {
                byClassLevel.add(row.getLong(5 + level)); // after campaign_code, key, student and parent workshops
            }
            return Map.entry(new SchoolKey(row.getString(1), new Contribution.Key(Contribution.Dimension.SCHOOL, school), school),
                    new CompletedWorkshops(row.getLong(3), row.getLong(4), byClassLevel));
        }).forEach(changed -> after.put(changed.getKey(), changed.getValue()));
        return after;
    }

    /** The counters every row of the totals adds to, as {@link #totalRows} gives them after the key's three columns. */
    private static final List<String> COUNTERS = List.of("students", "parents", "student_workshops", "parent_workshops",
            "scheduled_workshops", "schools");

    /** The schools' rows' workshops per class level, in {@link Contribution#CLASS_LEVELS} order. */
    private static final List<String> CLASS_LEVEL_COLUMNS = List.of("sixieme_workshops", "cinquieme_workshops",
            "quatrieme_workshops", "troisieme_workshops", "no_class_level_workshops");

    /** Every total adds its difference, schools included. */
    private static final String ADD_TO_TOTALS = totalsUpsert(
            new SchoolsCount("schools", "reach_total.schools + excluded.schools"), List.of(), "");

    /**
     * A school's own totals count it once while it has completed workshops, keep its workshops per class level, and
     * return what it has after the addition.
     */
    private static final String ADD_TO_SCHOOL_TOTALS = totalsUpsert(
            new SchoolsCount("case when student_workshops + parent_workshops > 0 then 1 else 0 end", """
                    case when reach_total.student_workshops + excluded.student_workshops
                      + reach_total.parent_workshops + excluded.parent_workshops > 0 then 1 else 0 end"""),
            CLASS_LEVEL_COLUMNS,
            "returning campaign_code, key, student_workshops, parent_workshops, " + String.join(", ", CLASS_LEVEL_COLUMNS));

    /**
     * How an upsert of totals counts the schools column: {@code inserted} from the difference's columns for a new row,
     * {@code updated} from the row's ({@code reach_total}) and the difference's ({@code excluded}) for an existing one.
     */
    private record SchoolsCount(String inserted, String updated) {
    }

    /**
     * The upsert both additions of totals share: every counter, and each of {@code extra}, adds its difference to the
     * row's, in key order, but the schools column is counted as {@code schools} says; {@code returning} is the
     * statement's last clause, if any.
     */
    private static String totalsUpsert(SchoolsCount schools, List<String> extra, String returning) {
        List<String> counters = new ArrayList<>(COUNTERS);
        counters.addAll(extra);
        String columns = "campaign_code, dimension, key, " + String.join(", ", counters);
        String selected = counters.stream().map(counter -> counter.equals("schools") ? schools.inserted() : counter)
                .collect(Collectors.joining(", "));
        String added = counters.stream().map(counter -> counter + " = " + (counter.equals("schools") ? schools.updated()
                : "reach_total." + counter + " + excluded." + counter)).collect(Collectors.joining(",\n  "));
        return """
                insert into reach_total (%s)
                select campaign_code, dimension, key, %s
                from unnest(%s) as d (%s) order by 1, 2, 3
                on conflict (campaign_code, dimension, key) do update set %s
                %s""".formatted(columns, selected, Columns.placeholders(totalTypes(extra)), columns, added, returning);
    }

    /** The column types of a totals upsert with counters {@code extra} beyond {@link #COUNTERS}: the key's three, then counts. */
    private static String[] totalTypes(List<String> extra) {
        String[] types = new String[3 + COUNTERS.size() + extra.size()];
        Arrays.fill(types, "int8");
        Arrays.fill(types, 0, 3, "text");
        return types;
    }

    /** The rows of the totals to add to: those whose difference is not zero; with the workshops per class level, or not. */
    private static Columns totalRows(Map<Contribution.Key, Map<String, Counters>> differences, boolean byClassLevel) {
        int levels = byClassLevel ? CLASS_LEVEL_COLUMNS.size() : 0;
        Columns rows = new Columns(totalTypes(byClassLevel ? CLASS_LEVEL_COLUMNS : List.of()));
        for (Map.Entry<Contribution.Key, Map<String, Counters>> byKey : differences.entrySet()) {
            for (Map.Entry<String, Counters> byCampaign : byKey.getValue().entrySet()) {
                Counters d = byCampaign.getValue();
                if (!d.isZero()) {
                    Object[] row = Arrays.copyOf(new Object[]{byCampaign.getKey(), byKey.getKey().dimension().code,
                            byKey.getKey().value(), d.students, d.parents, d.studentWorkshops, d.parentWorkshops,
                            d.scheduledWorkshops, d.schools}, 3 + COUNTERS.size() + levels);
                    for (int level = 0; level < levels; level++) {
                        row[3 + COUNTERS.size() + level] = d.classLevelWorkshops[level];
                    }
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    /**
     * Rows are upserted in key order, as in {@link #addToTotals}. reach_school knows a key of a campaign by its number
     * in reach_school_key (V14): the batch's keys are numbered first, then its schools' counts are added under them.
     */
    @Override
    public Map<SchoolKey, Long> addToSchools(Map<SchoolKey, Long> delivered) {
        Map<SchoolKey, Long> changes = new HashMap<>(delivered);
        changes.values().removeIf(difference -> difference == 0);
        Map<SchoolKey, Long> after = new HashMap<>();
        if (changes.isEmpty()) {
            return after;
        }
        Map<CampaignKey, Integer> numbers = keyNumbers(changes.keySet().stream()
                .map(school -> new CampaignKey(school.campaignCode(), school.key())).collect(Collectors.toSet()));
        Map<Integer, CampaignKey> keys = new HashMap<>();
        numbers.forEach((key, number) -> keys.put(number, key));
        Columns rows = new Columns("int4", "text", "int8");
        changes.forEach((school, difference) -> rows.add(numbers.get(new CampaignKey(school.campaignCode(), school.key())),
                school.schoolUai(), difference));
        query("""
                insert into reach_school (key_id, school_uai, delivered)
                select * from unnest(%s) order by 1, 2
                on conflict (key_id, school_uai) do update set delivered = reach_school.delivered + excluded.delivered
                returning key_id, school_uai, delivered""".formatted(rows.placeholders()), rows::bind, row -> {
            CampaignKey key = keys.get(row.getInt(1));
            return Map.entry(new SchoolKey(key.campaignCode(), key.key(), row.getString(2)), row.getLong(3));
        }).forEach(changed -> after.put(changed.getKey(), changed.getValue()));
        return after;
    }

    /** A key of a campaign's totals, as reach_school_key numbers it. */
    private record CampaignKey(String campaignCode, Contribution.Key key) {
    }

    /**
     * The numbers of {@code keys}, adding those reach_school_key lacks. A key that another transaction adds at the same
     * time is neither inserted by this statement (it waits for that transaction, then skips the key) nor seen by it (its
     * snapshot is older than that commit): it is then read again, by a statement of its own.
     */
    private Map<CampaignKey, Integer> keyNumbers(Set<CampaignKey> keys) {
        Columns wanted = new Columns("text", "text", "text");
        keys.forEach(key -> wanted.add(key.campaignCode(), key.key().dimension().code, key.key().value()));
        Jdbc.RowMapper<Map.Entry<CampaignKey, Integer>> numbered = row -> Map.entry(new CampaignKey(row.getString(2),
                new Contribution.Key(Contribution.Dimension.of(row.getString(3)), row.getString(4))), row.getInt(1));
        Map<CampaignKey, Integer> numbers = new HashMap<>();
        query(NUMBER_KEYS.formatted(wanted.placeholders()), wanted::bind, numbered)
                .forEach(number -> numbers.put(number.getKey(), number.getValue()));
        if (numbers.size() < keys.size()) {
            query(KEY_NUMBERS.formatted(wanted.placeholders()), wanted::bind, numbered)
                    .forEach(number -> numbers.put(number.getKey(), number.getValue()));
        }
        return numbers;
    }

    /** The keys asked for, and those of them reach_school_key numbers as this statement sees it. */
    private static final String WANTED = "with wanted (campaign_code, dimension, key) as (select * from unnest(%s))";
    private static final String NUMBERED = """
            select id, campaign_code, dimension, key from reach_school_key join wanted using (campaign_code, dimension, key)""";

    /** Numbers the keys not numbered yet, in key order, and returns every key's number. */
    private static final String NUMBER_KEYS = WANTED + """
            , added as (
              insert into reach_school_key (campaign_code, dimension, key)
              select * from wanted order by 1, 2, 3
              on conflict (campaign_code, dimension, key) do nothing
              returning id, campaign_code, dimension, key)
            select id, campaign_code, dimension, key from added
            union all
            """ + NUMBERED;

    /** The keys' numbers, as committed. */
    private static final String KEY_NUMBERS = WANTED + "\n" + NUMBERED;

    /** One statement: the NOTIFY is sent at commit, to every instance listening (see {@link ProjectionChanges}). */
    @Override
    public void recordApplied(Instant newest) {
        query("""
                with state as (
                  insert into projection_state (name, as_of) values (?, ?)
                  on conflict (name) do update set as_of = greatest(projection_state.as_of, excluded.as_of)
                  returning name)
                select pg_notify(?, name) from state""", statement -> {
            statement.setString(1, PROJECTION);
            statement.setTimestamp(2, newest == null ? null : Timestamp.from(newest));
            statement.setString(3, ProjectionChanges.CHANNEL);
        }, row -> row.getString(1));
    }

    private <T> List<T> query(String sql, Jdbc.Binder binder, Jdbc.RowMapper<T> mapper) {
        return Jdbc.query(dataSource, sql, binder, mapper);
    }

    private void update(String sql, Jdbc.Binder binder) {
        Jdbc.update(dataSource, sql, binder);
    }

    /** Writes a batch's rows in one statement ({@code insert ... select * from unnest(?, ...)}), none if there are none. */
    private void write(String sql, Columns rows) {
        if (!rows.isEmpty()) {
            update(sql, rows::bind);
        }
    }
}
