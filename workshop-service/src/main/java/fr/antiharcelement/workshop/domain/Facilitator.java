package fr.antiharcelement.workshop.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An adult who leads workshops for a partner: a display name and a contact e-mail, nothing more. The e-mail
 * never leaves this service's API and database: not in events, not in logs ({@link #toString()} omits it).
 */
public class Facilitator {

    public UUID id;
    public String partnerCode;
    public String displayName;
    public String contactEmail;
    public OffsetDateTime createdAt;
    /** When the partner deactivated them; null while active. A deactivated facilitator is booked for no workshop. */
    public OffsetDateTime deactivatedAt;

    public boolean active() {
        return deactivatedAt == null;
    }

    @Override
    public String toString() {
        return "Facilitator[" + id + ", " + partnerCode + "]";
    }
}
