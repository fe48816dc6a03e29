package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.HistoryStore;
import fr.antiharcelement.workshop.domain.ReasonCode;
import fr.antiharcelement.workshop.domain.WorkshopHistoryEntry;
import io.agroal.api.AgroalDataSource;
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

    @Inject
    AgroalDataSource dataSource;

    /**
     * One plain insert on the transaction's connection: the trail is written once and never changed by Hibernate, and
     * persisting a row with a generated identity cost a creation about a tenth of its CPU in the service
     * (docs/benchmark-methods.md). The workshop's own row is already in the database, as the foreign key wants: the
     * store writes a workshop at once.
     */
    @Override
    public void append(WorkshopHistoryEntry entry) {
        String changes = changesJson.write(entry.changes());
        Jdbc.update(dataSource, """
                insert into workshop_history (workshop_id, at, actor, action, changes, reason_code, note)
                values (?, ?, ?, ?, ?, ?, ?)""", insert -> {
            insert.setObject(1, entry.workshopId());
            insert.setObject(2, entry.at());
            insert.setString(3, entry.actor());
            insert.setString(4, entry.action());
            insert.setString(5, changes);
            insert.setString(6, entry.reasonCode() == null ? null : entry.reasonCode().name());
            insert.setString(7, entry.note());
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
