package fr.antiharcelement.workshop.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.workshop.domain.FieldChange;
import fr.antiharcelement.workshop.domain.HistoryStore;
import fr.antiharcelement.workshop.domain.WorkshopHistoryEntry;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The audit trail in {@code workshop_history}, each entry's changes as one JSON text. */
@ApplicationScoped
public class HistoryRepository implements PanacheRepositoryBase<HistoryRow, Long>, HistoryStore {

    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };

    @Inject
    ObjectMapper objectMapper;

    @Override
    public void append(WorkshopHistoryEntry entry) {
        HistoryRow row = new HistoryRow();
        row.workshopId = entry.workshopId();
        row.at = entry.at();
        row.actor = entry.actor();
        row.action = entry.action();
        row.changes = json(entry.changes());
        row.reason = entry.reason();
        persist(row);
    }

    @Override
    public List<WorkshopHistoryEntry> entriesOf(UUID workshopId) {
        return list("workshopId = ?1 order by id", workshopId).stream()
                .map(row -> new WorkshopHistoryEntry(row.workshopId, row.at, row.actor, row.action, changes(row.changes), row.reason))
                .toList();
    }

    private String json(Map<String, FieldChange> changes) {
        try {
            return objectMapper.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, FieldChange> changes(String json) {
        try {
            return objectMapper.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable changes in the audit trail: " + e.getOriginalMessage(), e);
        }
    }
}
