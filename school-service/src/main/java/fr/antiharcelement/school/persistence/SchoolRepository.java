package fr.antiharcelement.school.persistence;

import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.kernel.sql.Columns;
import fr.antiharcelement.kernel.sql.Conditions;
import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.school.domain.EducationPriority;
import fr.antiharcelement.school.domain.Geography;
import fr.antiharcelement.school.domain.School;
import fr.antiharcelement.school.domain.SchoolQuery;
import fr.antiharcelement.school.domain.SchoolStatus;
import fr.antiharcelement.school.domain.SchoolStore;
import fr.antiharcelement.school.domain.SchoolType;
import fr.antiharcelement.school.domain.SearchText;
import fr.antiharcelement.school.domain.Sector;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The schools over plain JDBC, on the transaction's pooled connection: a school is a plain object, read as a copy and
 * saved when changed. No ORM for one table: Hibernate's boot was 13% of the service's start-up samples, and without it
 * the service holds 149 MB when ready instead of 186 MB (benchmark-methods.md, tenth session).
 */
@ApplicationScoped
public class SchoolRepository implements SchoolStore {

    /** A school's columns but its UAI and its times: what an import stages of the school a row registers. */
    static final String DETAIL_COLUMNS = """
            name, type, sector, commune_code, commune_name, postal_code, department_code, academy_code, region_code,
            education_priority, pupils, status, version, search_text""";

    /** The columns every read and write names, in the order of {@link #school(ResultSet)} and {@link #rows}. */
    static final String COLUMNS = "uai, " + DETAIL_COLUMNS + ", created_at, updated_at";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DeferredIndexes deferredIndexes;

    @Override
    public Optional<School> byUai(String uai) {
        return one(uai, "");
    }

    @Override
    public Optional<School> byUaiForUpdate(String uai) {
        return one(uai, " for update");
    }

    private Optional<School> one(String uai, String lock) {
        return Jdbc.first(dataSource, "select " + COLUMNS + " from school where uai = ?" + lock,
                statement -> statement.setString(1, uai), SchoolRepository::school);
    }

    @Override
    public Map<String, School> byUaisForUpdate(Collection<String> uais) {
        Map<String, School> found = new HashMap<>();
        if (!uais.isEmpty()) {
            Jdbc.query(dataSource, "select " + COLUMNS + " from school where uai = any(?) order by uai for update",
                    statement -> Jdbc.setArray(statement, 1, "text", uais), SchoolRepository::school)
                    .forEach(school -> found.put(school.uai, school));
        }
        return found;
    }

    static School school(ResultSet row) throws SQLException {
        return school(row, 1);
    }

    /** The school in the columns of {@code row} from {@code first} on, in the order of {@link #COLUMNS}. */
    static School school(ResultSet row, int first) throws SQLException {
        int c = first - 1;
        School school = new School();
        school.uai = row.getString(c + 1);
        school.name = row.getString(c + 2);
        school.type = SchoolType.valueOf(row.getString(c + 3));
        school.sector = row.getString(c + 4) == null ? null : Sector.valueOf(row.getString(c + 4));
        school.communeCode = row.getString(c + 5);
        school.communeName = row.getString(c + 6);
        school.postalCode = row.getString(c + 7);
        school.departmentCode = row.getString(c + 8);
        school.academyCode = row.getString(c + 9);
        school.regionCode = row.getString(c + 10);
        school.educationPriority = EducationPriority.valueOf(row.getString(c + 11));
        int pupils = row.getInt(c + 12);
        school.pupils = row.wasNull() ? null : pupils;
        school.status = SchoolStatus.valueOf(row.getString(c + 13));
        school.version = row.getLong(c + 14);
        school.searchText = row.getString(c + 15);
        school.createdAt = row.getObject(c + 16, OffsetDateTime.class);
        school.updatedAt = row.getObject(c + 17, OffsetDateTime.class);
        return school;
    }

    /**
     * Each a statement over arrays, one per column: the server plans and runs one statement for the whole chunk.
     * Timestamps travel as ISO-8601 text with their offset.
     */
    @Override
    public void saveAll(Collection<School> created, Collection<School> changed) {
        Jdbc.run(dataSource, connection -> {
            if (!created.isEmpty()) {
                Columns rows = rows(created);
                try (PreparedStatement insert = connection.prepareStatement("insert into school (" + COLUMNS + ") select "
                        + COLUMNS.replace("created_at, updated_at", "created_at::timestamptz, updated_at::timestamptz")
                        + " from unnest(" + rows.placeholders() + ") as s (" + COLUMNS + ")")) {
                    rows.bind(insert);
                    insert.executeUpdate();
                }
            }
            if (!changed.isEmpty()) {
                Columns rows = rows(changed);
                try (PreparedStatement update = connection.prepareStatement("""
                        update school set name = s.name, type = s.type, sector = s.sector, commune_code = s.commune_code,
                          commune_name = s.commune_name, postal_code = s.postal_code, department_code = s.department_code,
                          academy_code = s.academy_code, region_code = s.region_code,
                          education_priority = s.education_priority, pupils = s.pupils, status = s.status,
                          version = s.version, search_text = s.search_text, updated_at = s.updated_at::timestamptz
                        from unnest(""" + rows.placeholders() + ") as s (" + COLUMNS + ") where school.uai = s.uai")) {
                    rows.bind(update);
                    update.executeUpdate();
                }
            }
        });
    }

    /** The schools as rows of {@link #COLUMNS}, in its order. */
    private static Columns rows(Collection<School> schools) {
        Columns rows = new Columns("text", "text", "text", "text", "text", "text", "text", "text", "text", "text", "text",
                "int4", "text", "int8", "text", "text", "text");
        for (School s : schools) {
            rows.add(values(s));
        }
        return rows;
    }

    /** A school's values, in the order of {@link #COLUMNS}; timestamps as ISO-8601 text with their offset. */
    private static Object[] values(School s) {
        Object[] details = detailValues(s);
        Object[] values = new Object[details.length + 3];
        values[0] = s.uai;
        System.arraycopy(details, 0, values, 1, details.length);
        values[details.length + 1] = s.createdAt.toString();
        values[details.length + 2] = s.updatedAt.toString();
        return values;
    }

    /** A school's values in the order of {@link #DETAIL_COLUMNS}. */
    static Object[] detailValues(School s) {
        return new Object[] {s.name, s.type.name(), s.sector == null ? null : s.sector.name(), s.communeCode, s.communeName,
                s.postalCode, s.departmentCode, s.academyCode, s.regionCode, s.educationPriority.name(), s.pupils,
                s.status.name(), s.version, s.searchText};
    }

    /** {@code columns}, each named in {@code table}: for a statement that reads two tables' columns of the same names. */
    static String qualified(String columns, String table) {
        return Arrays.stream(columns.split(",")).map(column -> table + "." + column.strip()).collect(Collectors.joining(", "));
    }

    @Override
    public void add(School school) {
        saveAll(List.of(school), List.of());
    }

    @Override
    public void save(School school) {
        saveAll(List.of(), List.of(school));
    }

    @Override
    public PageView<School> search(SchoolQuery query, PageRequest page) {
        Conditions where = new Conditions();
        where.add("academy_code = ?", query.academy());
        where.add("region_code = ?", query.region());
        where.add("department_code = ?", query.department() == null ? null : Geography.normalizeDepartment(query.department()));
        where.add("type = ?", query.type() == null ? null : query.type().name());
        where.add("sector = ?", query.sector() == null ? null : query.sector().name());
        where.add("status = ?", query.status() == null ? null : query.status().name());
        if (query.q() != null && !SearchText.of(query.q()).isEmpty()) {
            where.add("search_text like ?", "%" + SearchText.of(query.q()) + "%");
        }
        List<School> found = Jdbc.query(dataSource, "select " + COLUMNS + " from school " + where.sql() + " order by name, uai limit ? offset ?",
                statement -> {
                    int next = where.bind(statement);
                    statement.setInt(next, page.size());
                    statement.setLong(next + 1, page.offset());
                }, SchoolRepository::school);
        return PageView.counting(found, page, () -> Jdbc.count(dataSource, "select count(*) from school " + where.sql(), where::bind));
    }

    @Override
    public long count() {
        return Jdbc.count(dataSource, "select count(*) from school", Jdbc.Binder.NONE);
    }

    /**
     * Sets the table's indexes aside for the load, to be built once it commits ({@link DeferredIndexes}): an index
     * built over every row at once costs a fraction of the same index kept up to date row by row. On the 61,380
     * schools of a national file, the insert with every index took 2.0 to 2.9 s; without, 0.3 s, and building the four
     * indexes 1.2 s (the trigram index 0.9 s of it).
     */
    @Override
    public boolean beginBulkLoad() {
        return deferredIndexes.setAsideForLoad();
    }
}
