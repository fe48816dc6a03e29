package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.HistoryStore;
import fr.antiharcelement.workshop.domain.ReasonCode;
import fr.antiharcelement.workshop.domain.WorkshopHistoryEntry;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.UUID;

/** The audit trail in {@code workshop_history}, each entry's changes as one JSON text. */
@ApplicationScoped
public class HistoryRepository implements HistoryStore {

    @Inject
    ChangesJson changesJson;

    @Inject
    AgroalDataSource dataSource;

    /**
     * One plain insert on the transaction's connection (persisting it through Hibernate, with its generated identity,
     * cost a creation about a tenth of its CPU in the service: docs/benchmark-methods.md). The workshop's own row is
     * already in the database, as the foreign key wants: the store writes a workshop at once.
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
        return Jdbc.query(dataSource, """
                select workshop_id, at, actor, action, changes, reason_code, note from workshop_history
                where workshop_id = ? order by id""", query -> query.setObject(1, workshopId),
                row -> new WorkshopHistoryEntry(Rows.uuid(row, 1), Rows.time(row, 2), row.getString(3), row.getString(4),
                        changesJson.read(row.getString(5)), Rows.enumOf(ReasonCode.class, row, 6), row.getString(7)));
    }

    @Override
    public int redactNotes(UUID workshopId) {
        return Jdbc.update(dataSource, "update workshop_history set note = null where workshop_id = ? and note is not null",
                update -> update.setObject(1, workshopId));
    }
}
