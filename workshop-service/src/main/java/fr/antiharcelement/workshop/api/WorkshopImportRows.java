package fr.antiharcelement.workshop.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.kernel.text.StorableText;
import fr.antiharcelement.workshop.domain.Audience;
import fr.antiharcelement.workshop.domain.ClassLevel;
import fr.antiharcelement.workshop.domain.WorkshopImportReport;
import fr.antiharcelement.workshop.domain.Reason;
import fr.antiharcelement.workshop.domain.ReasonCode;
import fr.antiharcelement.workshop.domain.WorkshopImportRow;
import fr.antiharcelement.workshop.domain.WorkshopStatus;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The rows of a bulk upload, read from CSV or from a JSON array, each into what the domain applies or into the list of
 * what is wrong with it. Columns (CSV header) and members (JSON) are named as the creation body's fields, plus
 * {@code partnerReference} (required here), {@code status}, {@code attendees} and {@code reasonCode}; a row is checked
 * with the creation body's own constraints, so a field is refused here exactly as one by one.
 */
final class WorkshopImportRows {

    /** A file of more rows is refused whole: split it (a campaign is some 2,000). */
    static final int MAX_ROWS = 10_000;

    /** The columns a bulk upload knows; the first ones are required in its header. */
    enum Column {
        PARTNER_REFERENCE("partnerReference", true),
        CAMPAIGN_CODE("campaignCode", true),
        SCHOOL_UAI("schoolUai", true),
        FACILITATOR_ID("facilitatorId", true),
        AUDIENCE("audience", true),
        STARTS_AT("startsAt", true),
        ENDS_AT("endsAt", true),
        PARTNER_CODE("partnerCode", false),
        CLASS_LEVEL("classLevel", false),
        CAPACITY("capacity", false),
        STATUS("status", false),
        ATTENDEES("attendees", false),
        REASON_CODE("reasonCode", false);

        final String field;
        final boolean required;

        Column(String field, boolean required) {
            this.field = field;
            this.required = required;
        }

        static Optional<Column> named(String name) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(column -> column.field.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
        }
    }

    /** What was read: the rows to apply and the ones rejected already, each with its line. */
    record Read(List<WorkshopImportRow> rows, List<WorkshopImportReport.Rejected> rejected) {
    }

    private final Validator validator;
    /** Whose rows these are when a row names no partner: {@code ?partner=} or the partner token's own. */
    private final String defaultPartner;

    WorkshopImportRows(Validator validator, String defaultPartner) {
        this.validator = validator;
        this.defaultPartner = defaultPartner;
    }

    /** A CSV file: UTF-8 with or without a BOM, {@code ,} or {@code ;} as its header has it. */
    Read csv(byte[] body) {
        String text = utf8(body);
        String csv = text.startsWith("\uFEFF") ? text.substring(1) : text;
        int end = csv.indexOf('\n');
        String headerLine = end < 0 ? csv : csv.substring(0, end);
        char separator = headerLine.indexOf(';') >= 0 ? ';' : ',';
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(separator)
                .allowExtraFields(true).allowMissingFields(true).skipEmptyLines(true).ofCsvRecord(csv)) {
            Iterator<CsvRecord> records = reader.iterator();
            if (!records.hasNext()) {
                throw ProblemException.invalidField("body", "is empty: expected a header row (" + requiredNames() + ", ...) and rows");
            }
            List<Column> columns = header(records.next().getFields());
            List<Map<Column, String>> cells = new ArrayList<>();
            List<Long> lines = new ArrayList<>();
            while (records.hasNext()) {
                CsvRecord record = records.next();
                Map<Column, String> row = new LinkedHashMap<>();
                List<String> fields = record.getFields();
                for (int i = 0; i < columns.size() && i < fields.size(); i++) {
                    row.put(columns.get(i), fields.get(i));
                }
                cells.add(row);
                lines.add(record.getStartingLineNumber());
                requireFewEnough(cells.size());
            }
            return read(cells, lines);
        } catch (CsvParseException e) {
            throw ProblemException.invalidField("body", "cannot be read as CSV: " + e.getMessage() + ". Nothing was recorded.");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON array of objects; a row's line is its position in the array, from 1. */
    Read json(byte[] body, ObjectMapper json) {
        JsonNode array;
        try {
            array = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalidField("body", "is not JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (array == null || !array.isArray()) {
            throw ProblemException.invalidField("body", "must be a JSON array of workshops");
        }
        requireFewEnough(array.size());
        List<Map<Column, String>> cells = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        List<WorkshopImportReport.Rejected> malformed = new ArrayList<>();
        long line = 0;
        for (JsonNode item : array) {
            line++;
            Map<Column, String> row = new LinkedHashMap<>();
            List<String> errors = new ArrayList<>();
            if (!item.isObject()) {
                errors.add("must be a JSON object");
            } else {
                item.fields().forEachRemaining(member -> {
                    Optional<Column> column = Column.named(member.getKey());
                    JsonNode value = member.getValue();
                    if (column.isEmpty()) {
                        errors.add(member.getKey() + ": unknown field; known: " + allNames());
                    } else if (value.isContainerNode()) {
                        errors.add(column.get().field + ": must be a text or a number");
                    } else if (!value.isNull()) {
                        row.put(column.get(), value.asText());
                    }
                });
            }
            if (errors.isEmpty()) {
                cells.add(row);
                lines.add(line);
            } else {
                malformed.add(new WorkshopImportReport.Rejected(line, null, errors));
            }
        }
        Read read = read(cells, lines);
        List<WorkshopImportReport.Rejected> rejected = new ArrayList<>(read.rejected());
        rejected.addAll(malformed);
        rejected.sort(Comparator.comparingLong(WorkshopImportReport.Rejected::line));
        return new Read(read.rows(), rejected);
    }

    private Read read(List<Map<Column, String>> cells, List<Long> lines) {
        List<WorkshopImportRow> rows = new ArrayList<>();
        List<WorkshopImportReport.Rejected> rejected = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Map<Column, String> row = cells.get(i);
            List<String> errors = new ArrayList<>();
            WorkshopImportRow read = row(lines.get(i), row, errors);
            if (errors.isEmpty()) {
                rows.add(read);
            } else {
                rejected.add(new WorkshopImportReport.Rejected(lines.get(i), text(row, Column.PARTNER_REFERENCE), errors));
            }
        }
        return new Read(rows, rejected);
    }

    /** One row, or null with {@code errors} saying every field that is wrong. */
    private WorkshopImportRow row(long line, Map<Column, String> row, List<String> errors) {
        row.forEach((column, value) -> StorableText.problem(value).ifPresent(problem -> errors.add(column.field + ": " + problem)));
        if (!errors.isEmpty()) {
            return null;
        }
        String partner = Optional.ofNullable(text(row, Column.PARTNER_CODE)).orElse(defaultPartner);
        if (partner == null) {
            errors.add("partnerCode: is required (a column, or ?partner= for the whole upload)");
        }
        String reference = text(row, Column.PARTNER_REFERENCE);
        if (reference == null) {
            errors.add("partnerReference: is required in a bulk upload");
        }
        WorkshopRequests.Schedule schedule = new WorkshopRequests.Schedule(text(row, Column.CAMPAIGN_CODE), text(row, Column.SCHOOL_UAI),
                partner, parsed(row, Column.FACILITATOR_ID, UUID::fromString, "must be a UUID", errors),
                parsed(row, Column.AUDIENCE, text -> Audience.valueOf(text.toUpperCase(Locale.ROOT)), oneOf(Audience.values()), errors),
                parsed(row, Column.CLASS_LEVEL, text -> ClassLevel.valueOf(text.toUpperCase(Locale.ROOT)), oneOf(ClassLevel.values()), errors),
                parsed(row, Column.STARTS_AT, OffsetDateTime::parse, DATE_TIME, errors),
                parsed(row, Column.ENDS_AT, OffsetDateTime::parse, DATE_TIME, errors),
                parsed(row, Column.CAPACITY, Integer::valueOf, "must be a whole number", errors), reference);
        for (ConstraintViolation<WorkshopRequests.Schedule> violation : validator.validate(schedule)) {
            String field = violation.getPropertyPath().toString();
            // A field that could not be read is reported once, as unreadable, not also as missing.
            if (errors.stream().noneMatch(error -> error.startsWith(field + ": "))) {
                errors.add(field + ": " + violation.getMessage());
            }
        }
        WorkshopStatus status = Optional.ofNullable(parsed(row, Column.STATUS, text -> WorkshopStatus.valueOf(text.toUpperCase(Locale.ROOT)),
                oneOf(WorkshopStatus.values()), errors)).orElse(WorkshopStatus.SCHEDULED);
        Integer attendees = parsed(row, Column.ATTENDEES, Integer::valueOf, "must be a whole number", errors);
        if (attendees != null && (attendees < 0 || attendees > 1000)) {
            errors.add("attendees: must be between 0 and 1000");
        }
        if (status == WorkshopStatus.COMPLETED && attendees == null) {
            errors.add("attendees: is required for a COMPLETED workshop");
        }
        if (status == WorkshopStatus.SCHEDULED && attendees != null) {
            errors.add("attendees: only for a COMPLETED workshop");
        }
        Reason reason = reason(row, errors);
        if (!errors.isEmpty()) {
            errors.sort(Comparator.naturalOrder());
            return null;
        }
        return new WorkshopImportRow(line, schedule.draft(), status, status == WorkshopStatus.COMPLETED ? attendees : null, reason);
    }

    /**
     * The reason a cancellation or a headcount correction records, from the row's {@code reasonCode}: the one place a
     * row's reason is read. No note and no free-text column: a planning exported from a spreadsheet or a CRM is where
     * a pupil's name would slip in unseen, so an upload carries codes only.
     */
    private static Reason reason(Map<Column, String> row, List<String> errors) {
        String code = text(row, Column.REASON_CODE);
        if (code == null) {
            return null;
        }
        try {
            return new Reason(ReasonCode.valueOf(code.trim().toUpperCase(Locale.ROOT)), null);
        } catch (IllegalArgumentException e) {
            errors.add("reasonCode: must be one of " + java.util.Arrays.toString(ReasonCode.values()));
            return null;
        }
    }

    private static List<Column> header(List<String> names) {
        List<Column> columns = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String name : names) {
            Optional<Column> column = Column.named(name);
            if (column.isEmpty() || columns.contains(column.get())) {
                unknown.add(name);
            }
            columns.add(column.orElse(null));
        }
        if (!unknown.isEmpty()) {
            throw ProblemException.invalidField("body", "the header names unknown or repeated columns " + unknown + "; known: "
                    + allNames() + ". Nothing was recorded.");
        }
        List<String> missing = Arrays.stream(Column.values()).filter(column -> column.required && !columns.contains(column))
                .map(column -> column.field).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.invalidField("body", "the header lacks " + missing + ". Nothing was recorded.");
        }
        return columns;
    }

    private static final String DATE_TIME = "must be an ISO-8601 date-time with offset, e.g. 2021-11-16T10:00:00+01:00";

    private static <T> T parsed(Map<Column, String> row, Column column, Function<String, T> parse, String expected, List<String> errors) {
        String text = text(row, column);
        if (text == null) {
            return null;
        }
        try {
            return parse.apply(text);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            errors.add(column.field + ": " + expected + " (got " + abbreviated(text) + ")");
            return null;
        }
    }

    private static String text(Map<Column, String> row, Column column) {
        String value = row.get(column);
        return value == null || value.isBlank() ? null : value.trim();
    }

    private static String abbreviated(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "…";
    }

    private static String oneOf(Enum<?>[] values) {
        return "must be one of " + Arrays.toString(values);
    }

    private static String requiredNames() {
        return Arrays.stream(Column.values()).filter(column -> column.required).map(column -> column.field)
                .collect(Collectors.joining(", "));
    }

    private static String allNames() {
        return Arrays.stream(Column.values()).map(column -> column.field).toList().toString();
    }

    private static void requireFewEnough(int rows) {
        if (rows > MAX_ROWS) {
            throw new ProblemException(fr.antiharcelement.api.problem.Problem.of(413,
                    "An upload takes at most " + MAX_ROWS + " rows; split the file. Nothing was recorded."));
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            throw ProblemException.invalidField("body", "is not UTF-8 text (save the file as CSV UTF-8). Nothing was recorded.");
        }
    }
}
