package fr.antiharcelement.kernel;

import com.ethlo.time.ITU;

import java.time.DateTimeException;
import java.time.OffsetDateTime;

/**
 * Reads the timestamps events carry (RFC 3339, with an offset) with ITU rather than {@link OffsetDateTime#parse}: a
 * consumer reads two per event, its CloudEvents time and, for a workshop, its start, and java.time's formatter made
 * them a fifth of reach's consumer thread (about 0.8 µs each, against 0.05 µs here; issue 13). Seconds may be left
 * out, as {@link OffsetDateTime#toString()} leaves out zero seconds; the offset may not.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The date-time {@code text} says; a {@link DateTimeException} naming what is wrong if it says none. */
    public static OffsetDateTime parse(String text) {
        return ITU.parseLenient(text).toOffsetDatetime();
    }
}
