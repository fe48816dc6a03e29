package fr.antiharcelement.school.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.school.domain.annuaire.AnnuaireStaging;
import fr.antiharcelement.school.domain.annuaire.ImportReport;
import fr.antiharcelement.school.domain.annuaire.StagedRow;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
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

    /** Text gathered before it is handed to the server: some 200 rows a write. */
    private static final int WRITE_EVERY_CHARS = 64 * 1_024;

    /**
     * Takes the import's turn, then one {@code COPY} for every row: the server parses a stream of rows instead of
     * executing an insert per row, and stores what it has received while the file's next rows are read here (the
     * rows were once gathered by chunks of 2,000, each copied while the reading waited). The index and statistics
     * come once every row is in: each chunk of kept rows is the next establishments in UAI order, and the index
     * spares a sort of every staged row. The statistics are of the columns the reads filter and sort on: those of the
     * fields' arrays, which no plan uses, were two thirds of the {@code ANALYZE} (its 190 to 270 ms on a national file
     * became 85 to 88).
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
                        fields text[] not null) on commit drop""");
                long staged = copy(connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy annuaire_row (uai, line, annex, fields) from stdin"), rows);
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
        text.append(row.uai()).append('\t').append(row.line()).append('\t').append(row.annex() ? 't' : 'f').append("\t{");
        for (int i = 0; i < row.fields().size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            arrayElement(text, row.fields().get(i));
        }
        text.append("}\n");
    }

    private static void write(CopyIn copy, StringBuilder text) throws SQLException {
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        text.setLength(0);
    }

    /**
     * An element of an array literal in a field of COPY's text format, written in one pass: quoted, so that any text
     * (empty, or with commas, braces or spaces) stays one element; a quote or backslash escaped for the array literal,
     * then that escape and any backslash, tab or line break escaped again for COPY. A staged row's UAI, the other text
     * field, is valid, so it has none of these.
     */
    private static void arrayElement(StringBuilder text, String value) {
        text.append('"');
        int plain = 0;
        for (int i = 0; i < value.length(); i++) {
            String escaped = switch (value.charAt(i)) {
                case '"' -> "\\\\\"";
                case '\\' -> "\\\\\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                default -> null;
            };
            if (escaped != null) {
                text.append(value, plain, i).append(escaped);
                plain = i + 1;
            }
        }
        text.append(value, plain, value.length()).append('"');
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

    @Override
    public List<StagedRow> keptRows(String afterUai, int limit) {
        return Jdbc.query(dataSource, """
                select distinct on (uai) uai, line, annex, fields from annuaire_row where uai > ?
                order by uai, annex, line limit ?""", statement -> {
            statement.setString(1, afterUai);
            statement.setInt(2, limit);
        }, row -> new StagedRow(row.getString(1), row.getLong(2), row.getBoolean(3),
                Arrays.asList((String[]) row.getArray(4).getArray())));
    }
}
