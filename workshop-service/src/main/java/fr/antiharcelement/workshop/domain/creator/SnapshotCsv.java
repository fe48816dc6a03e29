package fr.antiharcelement.workshop.domain.creator;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.InvalidInputException;
import fr.antiharcelement.kernel.text.StorableText;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Snapshots as a platform's insights export gives them, one row per post and date: {@code ;} or {@code ,}
 * separated (the header's tells), BOM or not, columns found by name whatever their case, spaces or underscores.
 * A row that cannot be read is reported with its line; the file itself must at least have a header naming the post's
 * URL, the measurement's date and one count.
 */
final class SnapshotCsv {

    /** One row: its line in the file, the post's URL, and its figures or what is wrong with it. */
    record Row(long line, String url, Metrics metrics, String problem) {
    }

    private enum Column {
        URL("url", "permalink", "link", "lien", "posturl"),
        MEASURED_AT("measuredat", "date", "measuredon"),
        IMPRESSIONS("impressions"),
        ACCOUNTS_REACHED("accountsreached", "reach", "couverture"),
        VIEWS("views", "plays", "videoviews", "vues"),
        LIKES("likes", "jaime"),
        COMMENTS("comments", "commentaires"),
        SHARES("shares", "partages"),
        SAVES("saves", "enregistrements");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }
    }

    private SnapshotCsv() {
    }

    static List<Row> read(String text) {
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text; // spreadsheets save UTF-8 with a BOM
        char separator = separatorOf(csv);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator)
                .allowExtraFields(true).allowMissingFields(true).skipEmptyLines(true).ofCsvRecord(csv)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw InvalidInputException.of("The file is empty: expected a header row (url, measuredAt, impressions, ...) and rows.");
            }
            Map<Column, Integer> columns = header(records.next().getFields());
            List<Row> rows = new ArrayList<>();
            while (records.hasNext()) {
                CsvRecord record = records.next();
                rows.add(row(record.getStartingLineNumber(), record.getFields(), columns));
            }
            return rows;
        } catch (CsvParseException e) {
            throw InvalidInputException.of("The file cannot be read as CSV: " + e.getMessage() + ". Nothing was recorded.");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static char separatorOf(String csv) {
        int end = csv.indexOf('\n');
        String header = end < 0 ? csv : csv.substring(0, end);
        return header.indexOf(';') >= 0 ? ';' : ',';
    }

    private static Map<Column, Integer> header(List<String> names) {
        Map<Column, Integer> columns = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).toLowerCase(Locale.ROOT).replaceAll("[\\s_'’-]", "");
            for (Column column : Column.values()) {
                if (column.names.contains(name)) {
                    columns.putIfAbsent(column, i);
                }
            }
        }
        if (!columns.containsKey(Column.URL) || !columns.containsKey(Column.MEASURED_AT)) {
            throw InvalidInputException.of("The header must name the post's url and the measurement's date (measuredAt); it has "
                    + names + ". Nothing was recorded.");
        }
        if (columns.size() == 2) {
            throw InvalidInputException.of("The header names no count: expected some of impressions, accountsReached, views, likes, "
                    + "comments, shares, saves. Nothing was recorded.");
        }
        return columns;
    }

    private static Row row(long line, List<String> fields, Map<Column, Integer> columns) {
        String url = value(fields, columns, Column.URL).orElse("");
        try {
            for (String field : fields) {
                StorableText.problem(field).ifPresent(problem -> {
                    throw new IllegalArgumentException("a field " + problem);
                });
            }
            if (url.isEmpty()) {
                throw new IllegalArgumentException("no url");
            }
            OffsetDateTime measuredAt = measuredAt(value(fields, columns, Column.MEASURED_AT)
                    .orElseThrow(() -> new IllegalArgumentException("no measuredAt")));
            Metrics metrics = new Metrics(measuredAt, count(fields, columns, Column.IMPRESSIONS),
                    count(fields, columns, Column.ACCOUNTS_REACHED), count(fields, columns, Column.VIEWS),
                    count(fields, columns, Column.LIKES), count(fields, columns, Column.COMMENTS), count(fields, columns, Column.SHARES),
                    count(fields, columns, Column.SAVES));
            return new Row(line, url, metrics, null);
        } catch (IllegalArgumentException e) {
            return new Row(line, url, null, e.getMessage());
        }
    }

    /**
     * An instant with its offset, a local date-time (Paris), or a date alone: the end of that day in Paris, since a
     * day's export counts everything up to its end.
     */
    static OffsetDateTime measuredAt(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).atTime(LocalTime.of(23, 59, 59)).atZone(CampaignTime.ZONE).toOffsetDateTime();
            }
            if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                return CampaignTime.inCampaignTime(OffsetDateTime.parse(text));
            }
            return LocalDateTime.parse(text).atZone(CampaignTime.ZONE).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("measuredAt " + text + " is not a date (2021-11-20) nor a date-time (2021-11-20T18:00:00+01:00)");
        }
    }

    /** A whole number, 0 or more; an empty cell is a count the platform does not report. */
    private static Long count(List<String> fields, Map<Column, Integer> columns, Column column) {
        Optional<String> text = value(fields, columns, column);
        if (text.isEmpty()) {
            return null;
        }
        String name = column.names.get(0).equals("accountsreached") ? "accountsReached" : column.names.get(0);
        if (!text.get().matches("\\d{1,12}")) {
            throw new IllegalArgumentException(name + " must be a whole number, 0 or more (got " + text.get() + ")");
        }
        return Long.parseLong(text.get());
    }

    private static Optional<String> value(List<String> fields, Map<Column, Integer> columns, Column column) {
        Integer index = columns.get(column);
        if (index == null || index >= fields.size()) {
            return Optional.empty();
        }
        String value = fields.get(index).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
