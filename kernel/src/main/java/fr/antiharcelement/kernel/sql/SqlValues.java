package fr.antiharcelement.kernel.sql;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Values of native query results, whose Java type depends on the driver and Hibernate's version. */
public final class SqlValues {

    private SqlValues() {
    }

    /** A {@code timestamptz} as an offset date-time (UTC unless it came with its own offset), or null. */
    public static OffsetDateTime offsetDateTime(Object value) {
        if (value instanceof OffsetDateTime time) {
            return time;
        }
        if (value instanceof Instant instant) {
            return instant.atOffset(ZoneOffset.UTC);
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant().atOffset(ZoneOffset.UTC);
        }
        return null;
    }
}
