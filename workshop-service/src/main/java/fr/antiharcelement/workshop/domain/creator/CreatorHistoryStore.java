package fr.antiharcelement.workshop.domain.creator;

import java.util.List;

/** Where the audit trails of creators (by handle) and posts (by id) are kept. */
public interface CreatorHistoryStore {

    void append(CreatorHistoryEntry entry);

    /** A subject's entries, in the order they were appended. */
    List<CreatorHistoryEntry> entriesOf(String subject);
}
