package fr.antiharcelement.workshop.domain.creator;

import java.util.List;
import java.util.Optional;

/** Where creators are kept. A creator read from it is written back when the transaction commits. */
public interface CreatorStore {

    Optional<Creator> withHandle(String handle);

    /** The creator, locked until the end of the transaction: concurrent changes to it take turns. */
    Optional<Creator> lockWithHandle(String handle);

    /** Every creator, by handle. */
    List<Creator> byHandle();

    void add(Creator creator);
}
