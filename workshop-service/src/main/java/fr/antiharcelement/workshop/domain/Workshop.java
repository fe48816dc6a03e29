package fr.antiharcelement.workshop.domain;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A workshop: scheduled, then completed with a headcount (never names: only how many attended), or cancelled.
 * Its {@code version} grows by one with every change and is its ETag. Kept by a {@link WorkshopStore}, which maps it
 * by hand: no ORM on the path of a change.
 */
public class Workshop {

    public UUID id;
    public String campaignCode;
    public String schoolUai;
    public String partnerCode;
    /** The partner's own id for this workshop (its spreadsheet's or CRM's), unique per partner; set once. */
    public String partnerReference;
    public UUID facilitatorId;
    public Audience audience;
    public ClassLevel classLevel;
    public OffsetDateTime startsAt;
    public OffsetDateTime endsAt;
    public int capacity;
    public WorkshopStatus status;
    public Integer attendees;
    public ReasonCode cancellationReasonCode;
    /** Free text beside the reason code: never in an event; only staff and the workshop's partner read it (see {@link Note}). */
    public String cancellationNote;
    public long version;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;
}
