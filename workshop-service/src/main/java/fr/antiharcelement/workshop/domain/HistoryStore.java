package fr.antiharcelement.workshop.domain;

import java.util.List;
import java.util.UUID;

/** Where the workshops' audit trails are kept. */
public interface HistoryStore {

    void append(WorkshopHistoryEntry entry);

    /** A workshop's entries, in the order they were appended. */
    List<WorkshopHistoryEntry> entriesOf(UUID workshopId);
}
