package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Where workshops are kept. A workshop read from it is a copy: a change is kept only once {@link #save}d. {@link #add}
 * and {@link #save} write at once, in the caller's transaction, so that a booking the database refuses as a double
 * booking (a concurrent one won) fails with {@link DoubleBookingException} where the planner can answer it, not at
 * commit.
 */
public interface WorkshopStore {

    Optional<Workshop> withId(UUID id);

    /** The workshop, locked until the end of the transaction: concurrent changes to it take turns. */
    Optional<Workshop> lockWithId(UUID id);

    /** Partner {@code partnerCode}'s workshop its own reference {@code partnerReference} names. */
    Optional<Workshop> withPartnerReference(String partnerCode, String partnerReference);

    /**
     * Partner {@code partnerCode}'s workshops named by {@code partnerReferences}, by reference, in one read, locked until
     * the end of the transaction (a bulk upload changes them).
     */
    Map<String, Workshop> lockWithPartnerReferences(String partnerCode, Collection<String> partnerReferences);

    /** A non-cancelled workshop of {@code facilitatorId} overlapping the given times, other than {@code except}. */
    Optional<Workshop> overlapping(UUID facilitatorId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID except);

    /** A page of the workshops {@code query} matches, by start time; only partner {@code partnerScope}'s if given. */
    PageView<Workshop> search(WorkshopQuery query, Optional<String> partnerScope, PageRequest page);

    void add(Workshop workshop);

    /** Writes back a workshop read from here, changed. */
    void save(Workshop workshop);
}
