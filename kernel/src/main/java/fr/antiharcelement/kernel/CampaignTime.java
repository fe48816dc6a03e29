package fr.antiharcelement.kernel;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * Campaign time is French time: periods, days, months and the API's times are in Europe/Paris. The current time
 * always comes from an injected {@link Clock}, so that tests can set it.
 */
public final class CampaignTime {

    public static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private CampaignTime() {
    }

    /** The clock of a running service: the system's, in campaign time. */
    public static Clock systemClock() {
        return Clock.system(ZONE);
    }

    public static OffsetDateTime now(Clock clock) {
        return OffsetDateTime.now(clock.withZone(ZONE));
    }

    public static LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(ZONE));
    }

    /** The same instant, with the offset France had then. */
    public static OffsetDateTime inCampaignTime(OffsetDateTime time) {
        return time.atZoneSameInstant(ZONE).toOffsetDateTime();
    }

    /** The French calendar day of an instant. */
    public static LocalDate dayOf(OffsetDateTime time) {
        return time.atZoneSameInstant(ZONE).toLocalDate();
    }
}
