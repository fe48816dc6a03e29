package fr.antiharcelement.events;

import fr.antiharcelement.kernel.Timestamps;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A CloudEvents 1.0 event in Kafka binary mode: the attributes travel as {@code ce_*} headers, the record value
 * is the JSON data and the record key is the aggregate id ({@code ce_subject}).
 */
public record CloudEvent(String id, String type, String source, String subject, OffsetDateTime time, String data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/json";

    public List<Header> headers() {
        return List.of(
                header("ce_specversion", SPEC_VERSION),
                header("ce_id", id),
                header("ce_type", type),
                header("ce_source", source),
                header("ce_time", time.toString()),
                header("ce_subject", subject),
                header("content-type", CONTENT_TYPE));
    }

    /** Reads the attributes back; a missing required attribute is an {@link IllegalArgumentException}. */
    public static CloudEvent from(String key, Headers headers, String value) {
        String specVersion = text(headers, "ce_specversion");
        if (!SPEC_VERSION.equals(specVersion)) {
            throw new IllegalArgumentException("not a CloudEvents 1.0 record (ce_specversion=" + specVersion + ")");
        }
        String subject = text(headers, "ce_subject");
        return new CloudEvent(required(headers, "ce_id"), required(headers, "ce_type"), required(headers, "ce_source"),
                subject != null ? subject : key, parseTime(text(headers, "ce_time")), value);
    }

    private static OffsetDateTime parseTime(String time) {
        return time == null ? null : Timestamps.parse(time);
    }

    private static String required(Headers headers, String name) {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing header " + name);
        }
        return value;
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Header header(String name, String value) {
        return new RecordHeader(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
