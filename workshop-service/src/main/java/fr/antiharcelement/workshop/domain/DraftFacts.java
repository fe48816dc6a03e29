package fr.antiharcelement.workshop.domain;

import java.util.Optional;
import java.util.UUID;

/**
 * Everything a workshop draft is checked against, read together: its campaign, partner, school and facilitator,
 * and a workshop of that facilitator at an overlapping time. Scheduling is the service's busiest write, and reading
 * these one by one cost five round trips to the database per request; a store answers them in one.
 */
public interface DraftFacts {

    /** What is stored for {@code draft}; {@code self} is the workshop being changed, never its own overlap. */
    Facts of(WorkshopDraft draft, UUID self);

    record Facts(Optional<Campaign> campaign, Optional<Partner> partner, Optional<SchoolReplica> school,
                 Optional<Facilitator> facilitator, Optional<UUID> overlapping) {
    }
}
