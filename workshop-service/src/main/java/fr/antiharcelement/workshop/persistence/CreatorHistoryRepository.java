package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.workshop.domain.creator.CreatorHistoryEntry;
import fr.antiharcelement.workshop.domain.creator.CreatorHistoryStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The creators' and posts' audit trail in {@code creator_history}, each entry's changes as one JSON text. */
@ApplicationScoped
public class CreatorHistoryRepository implements PanacheRepositoryBase<CreatorHistoryRow, Long>, CreatorHistoryStore {

    @Inject
    ChangesJson changesJson;

    @Override
    public void append(CreatorHistoryEntry entry) {
        CreatorHistoryRow row = new CreatorHistoryRow();
        row.subject = entry.subject();
        row.at = entry.at();
        row.actor = entry.actor();
        row.action = entry.action();
        row.changes = changesJson.write(entry.changes());
        row.reason = entry.reason();
        persist(row);
    }

    @Override
    public List<CreatorHistoryEntry> entriesOf(String subject) {
        return list("subject = ?1 order by id", subject).stream()
                .map(row -> new CreatorHistoryEntry(row.subject, row.at, row.actor, row.action, changesJson.read(row.changes), row.reason))
                .toList();
    }
}
