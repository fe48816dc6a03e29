package fr.antiharcelement.school.domain.annuaire;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.antiharcelement.api.http.StorableText;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.school.domain.EducationPriority;
import fr.antiharcelement.school.domain.Geography;
import fr.antiharcelement.school.domain.School;
import fr.antiharcelement.school.domain.SchoolDirectory;
import fr.antiharcelement.school.domain.SchoolStatus;
import fr.antiharcelement.school.domain.SchoolType;
import fr.antiharcelement.school.domain.SearchText;
import fr.antiharcelement.school.domain.Sector;
import fr.antiharcelement.school.domain.Uai;
import fr.antiharcelement.school.domain.annuaire.AnnuaireColumns.Field;
import fr.antiharcelement.school.persistence.SchoolRepository;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.hibernate.Session;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Imports the Ministry's annuaire CSV as published: BOM or not, CRLF or LF, {@code ;}, quoted fields, columns
 * found by header name.
 *
 * <p>It streams in two steps inside one transaction, so that a national file never sits in memory and a file
 * that turns out unreadable stores nothing: valid rows are staged in a temporary table as they are read, then
 * each establishment is upserted once by UAI. The annuaire describes some establishments on several lines (an
 * annex and its main site, far apart in the file): the main line is kept and the others reported as merged.
 * A second import of the same file changes and publishes nothing.
 */
@ApplicationScoped
public class AnnuaireImport {

    private static final Logger LOG = Logger.getLogger(AnnuaireImport.class);
    private static final int CHUNK = 500;
    private static final int PROGRESS_EVERY = 10_000;

    @Inject
    SchoolDirectory directory;

    @Inject
    SchoolRepository schools;

    @Inject
    Geography geography;

    @Inject
    EntityManager entityManager;

    private record StagedRow(String uai, long line, List<String> fields) {
    }

    /** Imports {@code csv}; only rows whose type is in {@code types} when it is not empty. */
    @Transactional
    @TransactionConfiguration(timeout = 1800)
    public ImportReport importCsv(InputStream csv, Set<SchoolType> types) {
        ImportReport report = new ImportReport();
        AnnuaireColumns columns = stage(csv, types, report);
        apply(columns, report);
        LOG.infof("Import done: %d rows read, %d created, %d updated, %d unchanged, %d skipped, %d merged, %d rejected",
                report.rowsRead, report.created, report.updated, report.unchanged, report.skipped, report.merged.size(),
                report.rejected.size());
        return report;
    }

    /** Step 1: reads every row, rejects the invalid ones with their line, stages the valid ones. */
    private AnnuaireColumns stage(InputStream csv, Set<SchoolType> types, ImportReport report) {
        session().doWork(connection -> {
            try (var create = connection.createStatement()) {
                create.execute("""
                        create temporary table annuaire_row (uai text not null, line bigint not null, annex boolean not null,
                        fields text[] not null) on commit drop""");
            }
        });
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').detectBomHeader(true)
                .allowExtraFields(true).allowMissingFields(true).skipEmptyLines(true)
                .ofCsvRecord(csv, StandardCharsets.UTF_8)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw ProblemException.badRequest("The file is empty: expected the annuaire's header row and its rows.");
            }
            AnnuaireColumns columns = header(records.next());
            List<StagedRow> chunk = new ArrayList<>(CHUNK);
            while (records.hasNext()) {
                CsvRecord record = records.next();
                report.rowsRead++;
                validRow(record, columns, types, report).ifPresent(chunk::add);
                if (chunk.size() == CHUNK) {
                    insertStaged(chunk, columns);
                    chunk.clear();
                }
                if (report.rowsRead % PROGRESS_EVERY == 0) {
                    LOG.infof("Import: %d rows read, %d rejected so far", report.rowsRead, report.rejected.size());
                }
            }
            insertStaged(chunk, columns);
            indexStaged();
            return columns;
        } catch (CsvParseException e) {
            throw ProblemException.badRequest("The file cannot be read as CSV: " + e.getMessage() + ". Nothing was imported.");
        } catch (IOException e) {
            throw new UncheckedIOException("Reading the import body failed", e);
        }
    }

    private Optional<StagedRow> validRow(CsvRecord record, AnnuaireColumns columns, Set<SchoolType> types, ImportReport report) {
        List<String> fields = record.getFields();
        String uai = columns.value(fields, Field.UAI).map(Uai::normalize).orElse("");
        try {
            for (String field : fields) {
                StorableText.problem(field).ifPresent(problem -> {
                    throw new IllegalArgumentException("a field " + problem);
                });
            }
            School.Details details = details(fields, columns, null);
            if (!types.isEmpty() && !types.contains(details.type())) {
                report.skipped++;
                return Optional.empty();
            }
            Uai.problem(uai).ifPresent(problem -> {
                throw new IllegalArgumentException("UAI " + problem);
            });
            return Optional.of(new StagedRow(uai, record.getStartingLineNumber(), fields));
        } catch (IllegalArgumentException | ProblemException e) {
            report.rejected.add(new ImportReport.RejectedRow(record.getStartingLineNumber(), uai, e.getMessage()));
            return Optional.empty();
        }
    }

    private void insertStaged(List<StagedRow> rows, AnnuaireColumns columns) {
        if (rows.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into annuaire_row (uai, line, annex, fields) values (?, ?, ?, ?)")) {
                for (StagedRow row : rows) {
                    String name = columns.value(row.fields(), Field.NAME).orElse("");
                    insert.setString(1, row.uai());
                    insert.setLong(2, row.line());
                    insert.setBoolean(3, SearchText.of(name).contains("annexe"));
                    insert.setArray(4, connection.createArrayOf("text", row.fields().toArray()));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    /** Each chunk of step 2 reads the next establishments in UAI order: an index spares a sort of every staged row. */
    private void indexStaged() {
        session().doWork(connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute("create index on annuaire_row (uai, annex, line)");
                statement.execute("analyze annuaire_row");
            }
        });
    }

    /** Step 2: one line per establishment (the main one before annexes, then the first), upserted in chunks. */
    private void apply(AnnuaireColumns columns, ImportReport report) {
        reportMergedLines(report);
        String after = "";
        while (true) {
            List<StagedRow> chunk = keptRows(after);
            if (chunk.isEmpty()) {
                return;
            }
            Map<String, School> existing = schools.findAllById(chunk.stream().map(StagedRow::uai).toList());
            for (StagedRow row : chunk) {
                School current = existing.get(row.uai());
                switch (directory.upsert(row.uai(), current, details(row.fields(), columns, current))) {
                    case CREATED -> report.created++;
                    case UPDATED -> report.updated++;
                    case UNCHANGED -> report.unchanged++;
                }
            }
            entityManager.flush();
            entityManager.clear();
            after = chunk.get(chunk.size() - 1).uai();
        }
    }

    private List<StagedRow> keptRows(String afterUai) {
        List<StagedRow> rows = new ArrayList<>(CHUNK);
        session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select distinct on (uai) uai, line, fields from annuaire_row where uai > ?
                    order by uai, annex, line limit ?""")) {
                select.setString(1, afterUai);
                select.setInt(2, CHUNK);
                try (ResultSet result = select.executeQuery()) {
                    while (result.next()) {
                        Array fields = result.getArray(3);
                        rows.add(new StagedRow(result.getString(1), result.getLong(2), Arrays.asList((String[]) fields.getArray())));
                    }
                }
            }
        });
        return rows;
    }

    private void reportMergedLines(ImportReport report) {
        session().doWork(connection -> {
            try (PreparedStatement select = connection.prepareStatement("""
                    select r.line, r.uai, k.line from annuaire_row r
                    join (select distinct on (uai) uai, line from annuaire_row order by uai, annex, line) k
                      on k.uai = r.uai and k.line <> r.line
                    order by r.line""");
                 ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    report.merged.add(new ImportReport.MergedLine(result.getLong(1), result.getString(2), result.getLong(3)));
                }
            }
        });
    }

    private static AnnuaireColumns header(CsvRecord header) {
        try {
            return AnnuaireColumns.fromHeader(header.getFields());
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("This is not an annuaire export: " + e.getMessage() + ". Nothing was imported.");
        }
    }

    /**
     * The school a row describes. Where this export has no column for an optional field, the stored value of
     * {@code existing} stays (yearly exports drop and rename columns; a missing column is not an empty value).
     */
    private School.Details details(List<String> fields, AnnuaireColumns columns, School existing) {
        String name = columns.value(fields, Field.NAME).orElseThrow(() -> new IllegalArgumentException("no school name"));
        String commune = columns.value(fields, Field.COMMUNE_NAME).orElseThrow(() -> new IllegalArgumentException("no commune name"));
        String department = columns.value(fields, Field.DEPARTMENT).orElseThrow(() -> new IllegalArgumentException("no département code"));
        Geography.Placement placement = geography.place(department, columns.value(fields, Field.ACADEMY).orElse(null),
                columns.value(fields, Field.REGION).orElse(null));
        return new School.Details(name,
                optional(fields, columns, Field.TYPE, existing, s -> s.type, label -> type(label == null ? "" : label)),
                optional(fields, columns, Field.SECTOR, existing, s -> s.sector, label -> sector(label == null ? "" : label)),
                optional(fields, columns, Field.COMMUNE_CODE, existing, s -> s.communeCode, Function.identity()),
                commune,
                optional(fields, columns, Field.POSTAL_CODE, existing, s -> s.postalCode, Function.identity()),
                placement,
                optional(fields, columns, Field.EDUCATION_PRIORITY, existing, s -> s.educationPriority,
                        label -> priority(label == null ? "" : label)),
                optional(fields, columns, Field.PUPILS, existing, s -> s.pupils, AnnuaireImport::pupils),
                optional(fields, columns, Field.STATE, existing, s -> s.status,
                        label -> label != null && SearchText.of(label).equals("ferme") ? SchoolStatus.CLOSED : SchoolStatus.OPEN));
    }

    private static <T> T optional(List<String> fields, AnnuaireColumns columns, Field field, School existing,
                                  Function<School, T> stored, Function<String, T> parse) {
        if (!columns.has(field) && existing != null) {
            return stored.apply(existing);
        }
        return parse.apply(columns.value(fields, field).orElse(null));
    }

    static SchoolType type(String label) {
        return switch (SearchText.of(label)) {
            case "ecole" -> SchoolType.ECOLE;
            case "college" -> SchoolType.COLLEGE;
            case "lycee" -> SchoolType.LYCEE;
            case "erea" -> SchoolType.EREA;
            case "medico social" -> SchoolType.MEDICO_SOCIAL;
            case "service administratif" -> SchoolType.ADMINISTRATION;
            case "information et orientation" -> SchoolType.INFORMATION_ORIENTATION;
            default -> SchoolType.OTHER;
        };
    }

    static Sector sector(String label) {
        return switch (SearchText.of(label)) {
            case "public" -> Sector.PUBLIC;
            case "prive" -> Sector.PRIVATE;
            default -> null; // administrative services have none
        };
    }

    static EducationPriority priority(String label) {
        return switch (label.trim().toUpperCase(java.util.Locale.ROOT)) {
            case "REP" -> EducationPriority.REP;
            case "REP+" -> EducationPriority.REP_PLUS;
            default -> EducationPriority.NONE;
        };
    }

    private static Integer pupils(String value) {
        if (value == null) {
            return null;
        }
        try {
            int pupils = Integer.parseInt(value);
            if (pupils < 0) {
                throw new IllegalArgumentException("negative pupil count " + value);
            }
            return pupils;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pupil count is not a number: " + value);
        }
    }

    private Session session() {
        return entityManager.unwrap(Session.class);
    }
}
