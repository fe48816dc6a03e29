package fr.antiharcelement.workshop.domain;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Where the partners' facilitators are kept. A facilitator read from it is a copy: a change is kept once saved. */
public interface FacilitatorStore {

    Optional<Facilitator> withId(UUID id);

    /** A partner's facilitators, by display name. */
    List<Facilitator> ofPartner(String partnerCode);

    void add(Facilitator facilitator);

    void save(Facilitator facilitator);
}
