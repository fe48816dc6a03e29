package fr.antiharcelement.workshop.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The database refused a booking that overlaps another of the same facilitator: a concurrent request won the
 * race. The answer is {@link WorkshopPlanner#doubleBooking}, read once this transaction has rolled back.
 */
public class DoubleBookingException extends RuntimeException {

    public final UUID facilitatorId;
    public final OffsetDateTime startsAt;
    public final OffsetDateTime endsAt;
    public final UUID workshopId;

    public DoubleBookingException(UUID facilitatorId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID workshopId) {
        super("facilitator " + facilitatorId + " double booked", null, false, false);
        this.facilitatorId = facilitatorId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.workshopId = workshopId;
    }
}
