package fr.antiharcelement.reach.api;

import de.siegmar.fastcsv.writer.CsvWriter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The spreadsheet exports of reach (breakdowns, summary, timeline), written as the client reads them rather than built
 * whole in memory, and safe to open:
 * <ul>
 *   <li>a text cell that begins with {@code = + - @}, a tab or a carriage return is a formula to a spreadsheet (a
 *   school named {@code =HYPERLINK(…)} would be a live link in the ops team's Excel), so it is written after an
 *   apostrophe, which spreadsheets show as text; numbers are written as numbers;</li>
 *   <li>every file starts with a UTF-8 byte order mark: without it Excel reads UTF-8 as Windows-1252 and "Île-de-France"
 *   arrives garbled;</li>
 *   <li>{@code separator=semicolon} gives what a French Excel opens with a double click: {@code ;} between cells and a
 *   decimal comma (with {@code ,} it would read {@code 12.5} as text or a date).</li>
 * </ul>
 */
final class CsvExport {

    static final String MEDIA_TYPE = "text/csv";

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    /** The first character a spreadsheet reads as the start of a formula (or, for tab and CR, hides one behind). */
    private static final Pattern FORMULA_START = Pattern.compile("^[=+\\-@\t\r].*", Pattern.DOTALL);
    /** A cell that is only a number cannot be a formula: "-3" stays a number. */
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?\\d+([.,]\\d+)?");

    enum Separator {
        COMMA(','), SEMICOLON(';');

        final char character;

        Separator(char character) {
            this.character = character;
        }
    }

    /** Adds one row; cells are strings (text), integral numbers or decimals, and null for an empty cell. */
    @FunctionalInterface
    interface Rows {
        void row(Object... cells);
    }

    private CsvExport() {
    }

    /**
     * A {@code 200} whose body is written row by row as the client reads it; {@code total} goes to {@code X-Total-Count}
     * when given, as for the JSON answer.
     */
    static Response response(String filename, Separator separator, Integer total, Consumer<Rows> content) {
        StreamingOutput body = output -> {
            output.write(UTF8_BOM);
            CsvWriter writer = CsvWriter.builder().fieldSeparator(separator.character).build(output, StandardCharsets.UTF_8);
            try {
                content.accept(cells -> writer.writeRecord(format(separator, cells)));
            } catch (UncheckedIOException e) {
                throw e.getCause(); // the client went away: nothing more to write
            }
            writer.flush();
        };
        Response.ResponseBuilder answer = Response.ok(body, MEDIA_TYPE + ";charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + ".csv\"");
        if (total != null) {
            answer.header(ReachResource.TOTAL_COUNT, total);
        }
        return answer.build();
    }

    static List<String> format(Separator separator, Object... cells) {
        List<String> formatted = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            formatted.add(cell(separator, cell));
        }
        return formatted;
    }

    private static String cell(Separator separator, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Long || value instanceof Integer) {
            return value.toString();
        }
        if (value instanceof Double || value instanceof BigDecimal) {
            String plain = new BigDecimal(value.toString()).toPlainString();
            return separator == Separator.SEMICOLON ? plain.replace('.', ',') : plain;
        }
        return safeText(value.toString());
    }

    /** Text a spreadsheet will show as typed, never evaluate. */
    static String safeText(String text) {
        return FORMULA_START.matcher(text).matches() && !PLAIN_NUMBER.matcher(text).matches() ? "'" + text : text;
    }
}
