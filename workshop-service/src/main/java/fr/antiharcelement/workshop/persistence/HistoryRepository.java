package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.workshop.domain.HistoryStore;
import fr.antiharcelement.workshop.domain.ReasonCode;
import fr.antiharcelement.workshop.domain.WorkshopHistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/** The audit trail in {@code workshop_history}, each entry's changes as one JSON text. */
@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryRow, Long>, HistoryStore {

    @Inject
    ChangesJson changesJson;

    @Override
    public void append(WorkshopHistoryEntry entry) {
        HistoryRow row = new HistoryRow();
        row.workshopId = entry.workshopId();
        row.at = entry.at();
        row.actor = entry.actor();
        row.action = entry.action();
        row.changes = changesJson.write(entry.changes());
        row.reasonCode = entry.reasonCode() == null ? null : entry.reasonCode().name();
        row.note = entry.note();
        persist(row);
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
