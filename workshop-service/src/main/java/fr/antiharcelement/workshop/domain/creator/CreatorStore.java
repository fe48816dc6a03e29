package fr.antiharcelement.workshop.domain.creator;

import java.util.List;
import java.util.Optional;

/** Where creators are kept. A creator read from it is a copy: a change is kept once saved. */
public interface CreatorStore {

    Optional<Creator> withHandle(String handle);

    /** The creator, locked until the end of the transaction: concurrent changes to it take turns. */
    Optional<Creator> lockWithHandle(String handle);

    /** Every creator, by handle. */
    List<Creator> byHandle();

    void add(Creator creator);

    void save(Creator creator);
}
