package fr.antiharcelement.workshop.domain;

import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Campaign time is French time: periods, dates and the API's times are in Europe/Paris. */
public final class Clock {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private Clock() {
    }

    public static OffsetDateTime now() {
        return OffsetDateTime.now(PARIS);
    }
}
