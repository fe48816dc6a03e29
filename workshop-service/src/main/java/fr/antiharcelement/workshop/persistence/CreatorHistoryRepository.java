package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.creator.CreatorHistoryEntry;
import fr.antiharcelement.workshop.domain.creator.CreatorHistoryStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** The creators' and posts' audit trail in {@code creator_history}, each entry's changes as one JSON text. */
@ApplicationScoped
public class CreatorHistoryRepository implements CreatorHistoryStore {

    @Inject
    ChangesJson changesJson;

    @Inject
    AgroalDataSource dataSource;

    @Override
    public void append(CreatorHistoryEntry entry) {
        String changes = changesJson.write(entry.changes());
        Jdbc.update(dataSource, "insert into creator_history (subject, at, actor, action, changes, reason) values (?, ?, ?, ?, ?, ?)",
                insert -> {
                    insert.setString(1, entry.subject());
                    insert.setObject(2, entry.at());
                    insert.setString(3, entry.actor());
                    insert.setString(4, entry.action());
                    insert.setString(5, changes);
                    insert.setString(6, entry.reason());
                });
    }

    @Override
    public List<CreatorHistoryEntry> entriesOf(String subject) {
        return Jdbc.query(dataSource, "select subject, at, actor, action, changes, reason from creator_history where subject = ? order by id",
                query -> query.setString(1, subject),
                row -> new CreatorHistoryEntry(row.getString(1), Rows.time(row, 2), row.getString(3), row.getString(4),
                        changesJson.read(row.getString(5)), row.getString(6)));
    }
}
