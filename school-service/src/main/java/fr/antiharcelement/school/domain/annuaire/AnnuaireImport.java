package fr.antiharcelement.school.domain.annuaire;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.DomainException;
import fr.antiharcelement.kernel.InvalidInputException;
import fr.antiharcelement.school.domain.Geography;
import fr.antiharcelement.school.domain.School;
import fr.antiharcelement.school.domain.SchoolDirectory;
import fr.antiharcelement.school.domain.SchoolStore;
import fr.antiharcelement.school.domain.SchoolType;
import fr.antiharcelement.school.domain.Uai;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.BufferedInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.StreamSupport;

/**
 * Imports the Ministry's annuaire CSV as published: BOM or not, CRLF or LF, {@code ;}, quoted fields, columns
 * found by header name.
 *
 * <p>It streams in two steps inside one transaction, so that a national file never sits in memory and a file
 * that turns out unreadable stores nothing: valid rows are staged ({@link AnnuaireStaging}) as they are read, then
 * each establishment is upserted once by UAI. The annuaire describes some establishments on several lines (an
 * annex and its main site, far apart in the file): the main line is kept and the others reported as merged.
 * A second import of the same file changes and publishes nothing.
 */
@ApplicationScoped
public class AnnuaireImport {

    private static final Logger LOG = Logger.getLogger(AnnuaireImport.class);
    private static final int CHUNK = 2_000;
    private static final int PROGRESS_EVERY = 10_000;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private final SchoolDirectory directory;
    private final SchoolStore schools;
    private final AnnuaireStaging staging;
    private final Geography geography;
    private final Clock clock;

    @Inject
    public AnnuaireImport(SchoolDirectory directory, SchoolStore schools, AnnuaireStaging staging, Geography geography,
                          Clock clock) {
        this.directory = directory;
        this.schools = schools;
        this.staging = staging;
        this.geography = geography;
        this.clock = clock;
    }

    /**
     * Imports {@code csv}; only rows whose type is in {@code types} when it is not empty. All or nothing: in the
     * caller's transaction if there is one (a national file takes longer than the default transaction timeout).
     * The file is read in {@code charset}; a byte that is not valid in it stops the import (a Windows-1252 file read
     * as UTF-8 would otherwise store "Coll?ge" in every name).
     */
    @Transactional
    public ImportReport importCsv(InputStream csv, Charset charset, Set<SchoolType> types) {
        ImportReport report = new ImportReport();
        OffsetDateTime registeredAt = CampaignTime.now(clock); // of every school the import registers
        StagedFile staged = stage(csv, charset, types, report, registeredAt);
        apply(staged, report, registeredAt);
        LOG.infof("Import done: %d rows read, %d created, %d updated, %d unchanged, %d skipped, %d merged, %d rejected",
                report.rowsRead, report.created, report.updated, report.unchanged, report.skipped, report.merged.size(),
                report.getRejectedCount());
        return report;
    }

    /** What step 1 leaves for step 2: the reader of the file's rows (its columns), and how many rows were staged. */
    private record StagedFile(AnnuaireRowReader rows, long count) {
    }

    /** Step 1: reads every row, rejects the invalid ones with their line, stages the valid ones. */
    private StagedFile stage(InputStream csv, Charset charset, Set<SchoolType> types, ImportReport report,
                             OffsetDateTime registeredAt) {
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').allowExtraFields(true)
                .allowMissingFields(true).skipEmptyLines(true).ofCsvRecord(strictText(csv, charset, report))) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw InvalidInputException.of("The file is empty: expected the annuaire's header row and its rows.");
            }
            AnnuaireRowReader rows = new AnnuaireRowReader(header(records.next()), geography);
            long count = staging.stage(StreamSupport.stream(Spliterators.spliteratorUnknownSize(records, Spliterator.ORDERED), false)
                    .flatMap(record -> validRow(record, rows, types, report, registeredAt).stream()));
            return new StagedFile(rows, count);
        } catch (CsvParseException e) {
            throw InvalidInputException.of("The file cannot be read as CSV: " + e.getMessage() + ". Nothing was imported.");
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw InvalidInputException.field("charset", "the file is not " + report.charset + " (after row " + report.rowsRead
                        + "). Export it as UTF-8, or declare its character set, e.g. Content-Type: text/csv; charset=windows-1252."
                        + " Nothing was imported.");
            }
            throw new UncheckedIOException("Reading the import body failed", cause instanceof IOException io ? io : new IOException(cause));
        }
    }

    /**
     * The file's text, failing on a byte its character set cannot decode. A UTF-8 byte order mark says UTF-8 whatever
     * the request declares (some HTTP clients declare ISO-8859-1 for any text they send), and is not part of the text.
     */
    private static Reader strictText(InputStream csv, Charset declared, ImportReport report) throws IOException {
        BufferedInputStream bytes = new BufferedInputStream(csv);
        bytes.mark(UTF8_BOM.length);
        boolean byteOrderMark = Arrays.equals(bytes.readNBytes(UTF8_BOM.length), UTF8_BOM);
        if (!byteOrderMark) {
            bytes.reset();
        }
        Charset charset = byteOrderMark ? StandardCharsets.UTF_8 : declared;
        report.charset = charset.name();
        return new InputStreamReader(bytes, charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    /** Counts the row read; gives it as staged when it is valid and of a type imported, else reports why not. */
    private static Optional<StagedRow> validRow(CsvRecord record, AnnuaireRowReader rows, Set<SchoolType> types,
                                                ImportReport report, OffsetDateTime registeredAt) {
        report.rowsRead++;
        if (report.rowsRead % PROGRESS_EVERY == 0) {
            LOG.infof("Import: %d rows read, %d rejected so far", report.rowsRead, report.getRejectedCount());
        }
        List<String> fields = record.getFields();
        String uai = rows.uai(fields);
        try {
            School.Details details = rows.validDetails(fields);
            if (!types.isEmpty() && !types.contains(details.type())) {
                report.skipped++;
                return Optional.empty();
            }
            Uai.problem(uai).ifPresent(problem -> {
                throw new IllegalArgumentException("UAI " + problem);
            });
            return Optional.of(new StagedRow(uai, record.getStartingLineNumber(), rows.annex(fields),
                    School.register(uai, details, registeredAt)));
        } catch (IllegalArgumentException | DomainException e) {
            report.reject(new ImportReport.RejectedRow(record.getStartingLineNumber(), uai, e.getMessage()));
            return Optional.empty();
        }
    }

    /**
     * Step 2: one line per establishment (the main one before annexes, then the first), by chunks in UAI order. In
     * each chunk the establishments that have a school are upserted one by one; the others are registered together,
     * as their rows were staged, in one statement (a national file's first load is 61,000 of them, and reading each
     * back to register it was most of the import). A file with more establishments than the schools kept (the
     * directory's first load) is a bulk load: the store builds its search indexes once the import has committed
     * instead of keeping them up to date school by school.
     */
    private void apply(StagedFile staged, ImportReport report, OffsetDateTime registeredAt) {
        AnnuaireRowReader rows = staged.rows();
        report.merged.addAll(staging.mergedLines());
        long establishments = staged.count() - report.merged.size();
        long kept = schools.count();
        if (establishments > kept) {
            boolean bulk = schools.beginBulkLoad();
            LOG.infof("Import: %d establishments for a directory of %d schools, %s", establishments, kept,
                    bulk ? "loaded in bulk (search indexes built after)" : "search indexes kept up to date (a build runs)");
        }
        String after = "";
        for (Optional<AnnuaireStaging.Chunk> next = staging.chunk(after, CHUNK); next.isPresent(); next = staging.chunk(after, CHUNK)) {
            AnnuaireStaging.Chunk chunk = next.get();
            if (!chunk.withSchool().isEmpty()) { // a first load's chunks have none
                upsertExisting(staging.keptRowsOfSchools(chunk.withSchool()), rows, report);
            }
            if (chunk.withSchool().size() < chunk.establishments()) { // a re-import's chunks have none to register
                List<School> registered = staging.registerNew(after, chunk.lastUai(), chunk.withSchool(), registeredAt);
                directory.registeredInBulk(registered);
                report.created += registered.size();
            }
            after = chunk.lastUai();
        }
    }

    /** The establishments of a chunk that have a school: each changed as its line says, if that changes anything. */
    private void upsertExisting(List<KeptRow> ofSchools, AnnuaireRowReader rows, ImportReport report) {
        List<KeptRow> differing = differing(ofSchools, rows);
        report.unchanged += ofSchools.size() - differing.size();
        Map<String, School> locked = schools.byUaisForUpdate(differing.stream().map(KeptRow::uai).toList());
        List<School> created = new ArrayList<>();
        List<School> changed = new ArrayList<>();
        for (KeptRow row : differing) {
            School current = locked.get(row.uai());
            switch (directory.upsert(row.uai(), current, rows.details(row.registration(), current), created, changed)) {
                case CREATED -> report.created++;
                case UPDATED -> report.updated++;
                case UNCHANGED -> report.unchanged++;
            }
        }
        schools.saveAll(created, changed);
    }

    /**
     * The rows that would change their school, compared with the school as read with them, without a lock: a
     * re-import of the same file, the usual case, then locks nothing (a row lock is a write, and cost a re-import a
     * third of its speed). The schools that differ are read again under lock before they change, since someone may
     * have changed one meanwhile.
     */
    private static List<KeptRow> differing(List<KeptRow> chunk, AnnuaireRowReader rows) {
        return chunk.stream().filter(row -> row.current().differsFrom(rows.details(row.registration(), row.current()))).toList();
    }

    private static AnnuaireColumns header(CsvRecord header) {
        try {
            return AnnuaireColumns.fromHeader(header.getFields());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.of("This is not an annuaire export: " + e.getMessage() + ". Nothing was imported.");
        }
    }
}
