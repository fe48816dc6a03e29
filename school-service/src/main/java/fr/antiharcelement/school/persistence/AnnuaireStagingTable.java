package fr.antiharcelement.school.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.school.domain.School;
import fr.antiharcelement.school.domain.annuaire.AnnuaireStaging;
import fr.antiharcelement.school.domain.annuaire.AnnuaireStaging.Chunk;
import fr.antiharcelement.school.domain.annuaire.ImportReport;
import fr.antiharcelement.school.domain.annuaire.KeptRow;
import fr.antiharcelement.school.domain.annuaire.StagedRow;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Stages an import's rows in a temporary table of the import's transaction, dropped when it ends: the staged file
 * never sits in memory, and a file that turns out unreadable leaves nothing behind.
 */
@ApplicationScoped
public class AnnuaireStagingTable implements AnnuaireStaging {

    /** In the import's transaction, the pool hands out the transaction's connection: the statements join it. */
    @Inject
    AgroalDataSource dataSource;

    /** Any constant of this service's database: the lock imports take in turn. */
    private static final long IMPORT_LOCK = 0x616e6e7561697265L;

    /**
     * What is staged of a row besides its place in the file: the school it registers if its UAI has none yet, in the
     * school table's columns but its UAI and times. Registering new schools is then one {@code insert ... select} from
     * this table; an establishment that has a school reads its row back as a school. The times are the import's, bound
     * once: as two {@code timestamptz} per row they were two fifths of the {@code COPY}'s parsing (395 against 230 ms
     * for the national file's rows).
     */
    private static final String REGISTRATION = SchoolRepository.DETAIL_COLUMNS;

    /** A staged row's columns as the school table's, its times given: {@code %s} for created_at, then updated_at. */
    private static final String REGISTERED_AT = "uai, " + REGISTRATION + ", %s, %s";

    /** The kept line of each UAI: the main one before annexes, then the first. */
    private static final String KEPT = "select distinct on (uai) %s from annuaire_row where %s order by uai, annex, line";

    /** Text gathered before it is handed to the server: some 100 rows a write. */
    private static final int WRITE_EVERY_CHARS = 64 * 1_024;

    /**
     * Takes the import's turn, then one {@code COPY} for every row: the server parses a stream of rows instead of
     * executing an insert per row, and stores what it has received while the file's next rows are read here (the
     * rows were once gathered by chunks of 2,000, each copied while the reading waited). The index and statistics
     * come once every row is in: each chunk of kept rows is the next establishments in UAI order, and the index
     * spares a sort of every staged row. The statistics are of the columns the reads filter and sort on only (when
     * the rows held the file's fields as arrays, their statistics were two thirds of the {@code ANALYZE}).
     */
    @Override
    public long stage(Stream<StagedRow> rows) {
        return Jdbc.withConnection(dataSource, connection -> {
            try (var turn = connection.prepareStatement("select pg_advisory_xact_lock(?)")) {
                turn.setLong(1, IMPORT_LOCK);
                turn.execute();
            }
            try (var statements = connection.createStatement()) {
                statements.execute("""
                        create temporary table annuaire_row (uai text not null, line bigint not null, annex boolean not null,
                        name text not null, type text not null, sector text, commune_code text,
                        commune_name text not null, postal_code text, department_code text not null,
                        academy_code text not null, region_code text not null, education_priority text not null,
                        pupils int4, status text not null, version int8 not null, search_text text not null)
                        on commit drop""");
                long staged = copy(connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy annuaire_row (uai, line, annex, " + REGISTRATION + ") from stdin"), rows);
                statements.execute("create index on annuaire_row (uai, annex, line)");
                statements.execute("analyze annuaire_row (uai, annex, line)");
                return staged;
            }
        });
    }

    /**
     * Writes the rows as COPY's text format. When reading a row fails, the COPY is abandoned (the connection stays
     * usable for the rollback) and the reader's exception goes on. Gives the number of rows copied.
     */
    private static long copy(CopyIn copy, Stream<StagedRow> rows) throws SQLException {
        try {
            StringBuilder text = new StringBuilder(WRITE_EVERY_CHARS + 4_096);
            for (Iterator<StagedRow> each = rows.iterator(); each.hasNext(); ) {
                append(text, each.next());
                if (text.length() >= WRITE_EVERY_CHARS) {
                    write(copy, text);
                }
            }
            write(copy, text);
            return copy.endCopy();
        } catch (RuntimeException | SQLException e) {
            if (copy.isActive()) {
                try {
                    copy.cancelCopy();
                } catch (SQLException cancelling) {
                    e.addSuppressed(cancelling);
                }
            }
            throw e;
        }
    }

    private static void append(StringBuilder text, StagedRow row) {
        text.append(row.uai()).append('\t').append(row.line()).append('\t').append(row.annex() ? 't' : 'f');
        for (Object value : SchoolRepository.detailValues(row.registration())) {
            text.append('\t');
            copyValue(text, value);
        }
        text.append('\n');
    }

    private static void write(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /** A value in a field of COPY's text format: NULL as {@code \N}, a backslash, tab or line break escaped. */
    private static void copyValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String plainText = value.toString();
        int plain = 0;
        for (int i = 0; i < plainText.length(); i++) {
            String escaped = switch (plainText.charAt(i)) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                text.append(plainText, plain, i).append(escaped);
                plain = i + 1;
            }
        }
        text.append(plainText, plain, plainText.length());
    }

    @Override
    public List<ImportReport.MergedLine> mergedLines() {
        return Jdbc.query(dataSource, """
                select r.line, r.uai, k.line from annuaire_row r
                join (select distinct on (uai) uai, line from annuaire_row order by uai, annex, line) k
                  on k.uai = r.uai and k.line <> r.line
                order by r.line""", Jdbc.Binder.NONE,
                row -> new ImportReport.MergedLine(row.getLong(1), row.getString(2), row.getLong(3)));
    }

    /**
     * Whether each establishment has a school is a scalar subquery, one look-up in the primary key per row: written as
     * {@code exists}, PostgreSQL hashed it, scanning the whole school table once per chunk, so a first load read the
     * schools it had inserted again and again (30 ms a chunk by its end, about a second per national import).
     */
    @Override
    public Optional<Chunk> chunk(String afterUai, int limit) {
        record Kept(String uai, boolean withSchool) {
        }
        List<Kept> kept = Jdbc.query(dataSource, "select k.uai, (select true from school s where s.uai = k.uai) is not null from ("
                + KEPT.formatted("uai", "uai > ?") + " limit ?) k order by k.uai", statement -> {
            statement.setString(1, afterUai);
            statement.setInt(2, limit);
        }, row -> new Kept(row.getString(1), row.getBoolean(2)));
        if (kept.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Chunk(kept.get(kept.size() - 1).uai(), kept.size(),
                kept.stream().filter(Kept::withSchool).map(Kept::uai).toList()));
    }

    /** The school's columns first, then the staged registration's (its times left empty), from this column on. */
    private static final int REGISTRATION_FROM = SchoolRepository.COLUMNS.split(",").length + 1;

    /**
     * The schools are read by their keys ({@code s.uai = any(?)} besides the join): joined on the staged rows alone,
     * PostgreSQL hashed the chunk and scanned every school for it (26 against 8 ms a chunk of 2,000 in {@code psql}).
     */
    @Override
    public List<KeptRow> keptRowsOfSchools(Collection<String> uais) {
        return Jdbc.query(dataSource, "select " + SchoolRepository.qualified(SchoolRepository.COLUMNS, "s") + ", "
                + SchoolRepository.qualified("uai, " + REGISTRATION, "k") + ", null, null"
                + " from (" + KEPT.formatted("uai, " + REGISTRATION, "uai = any(?)") + ") k"
                + " join school s on s.uai = k.uai and s.uai = any(?)"
                + " order by k.uai", statement -> {
                    Jdbc.setArray(statement, 1, "text", uais);
                    Jdbc.setArray(statement, 2, "text", uais);
                },
                row -> new KeptRow(row.getString(1), SchoolRepository.school(row, REGISTRATION_FROM), SchoolRepository.school(row)));
    }

    /**
     * The UAIs that have a school are left out by an anti-join on the array, which PostgreSQL can hash, rather than
     * {@code <> all(...)}, which would compare each row with each of them.
     */
    @Override
    public List<School> registerNew(String afterUai, String lastUai, Collection<String> withSchool, OffsetDateTime registeredAt) {
        return Jdbc.query(dataSource, "insert into school (" + SchoolRepository.COLUMNS + ") select "
                + REGISTERED_AT.formatted("?::timestamptz", "?::timestamptz")
                + " from (" + KEPT.formatted("uai, " + REGISTRATION, "uai > ? and uai <= ?") + ") kept"
                + " where not exists (select 1 from unnest(?::text[]) as with_school (uai) where with_school.uai = kept.uai)"
                + " returning " + SchoolRepository.COLUMNS, statement -> {
            statement.setString(1, registeredAt.toString());
            statement.setString(2, registeredAt.toString());
            statement.setString(3, afterUai);
            statement.setString(4, lastUai);
            Jdbc.setArray(statement, 5, "text", withSchool);
        }, SchoolRepository::school);
    }
}
