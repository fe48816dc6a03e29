package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.workshop.domain.HistoryStore;
import fr.antiharcelement.workshop.domain.ReasonCode;
import fr.antiharcelement.workshop.domain.WorkshopHistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.util.List;
import java.util.UUID;

/** The audit trail in {@code workshop_history}, each entry's changes as one JSON text. */
@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryRow, Long>, HistoryStore {

    @Inject
    ChangesJson changesJson;

    /**
     * One plain insert: the trail is written once and never changed by Hibernate, and persisting a row with a generated
     * identity cost a creation about a tenth of its CPU in the service (docs/benchmark-methods.md). The workshop's own
     * row is already in the database (a new one is flushed before its trail is written), as the foreign key wants.
     */
    @Override
    public void append(WorkshopHistoryEntry entry) {
        String changes = changesJson.write(entry.changes());
        getSession().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into workshop_history (workshop_id, at, actor, action, changes, reason_code, note)
                    values (?, ?, ?, ?, ?, ?, ?)""")) {
                insert.setObject(1, entry.workshopId());
                insert.setObject(2, entry.at());
                insert.setString(3, entry.actor());
                insert.setString(4, entry.action());
                insert.setString(5, changes);
                insert.setString(6, entry.reasonCode() == null ? null : entry.reasonCode().name());
                insert.setString(7, entry.note());
                insert.executeUpdate();
            }
        });
    }

    @Override
    public List<WorkshopHistoryEntry> entriesOf(UUID workshopId) {
        return list("workshopId = ?1 order by id", workshopId).stream()
                .map(row -> new WorkshopHistoryEntry(row.workshopId, row.at, row.actor, row.action, changesJson.read(row.changes),
                        row.reasonCode == null ? null : ReasonCode.valueOf(row.reasonCode), row.note))
                .toList();
    }

    @Override
    public int redactNotes(UUID workshopId) {
        return (int) update("note = null where workshopId = ?1 and note is not null", workshopId);
    }
}
