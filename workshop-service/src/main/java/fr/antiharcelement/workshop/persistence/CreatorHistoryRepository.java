package fr.antiharcelement.workshop.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.workshop.domain.FieldChange;
import fr.antiharcelement.workshop.domain.creator.CreatorHistoryEntry;
import fr.antiharcelement.workshop.domain.creator.CreatorHistoryStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The creators' and posts' audit trail in {@code creator_history}, each entry's changes as one JSON text. */
@ApplicationScoped
public class CreatorHistoryRepository implements PanacheRepositoryBase<CreatorHistoryRow, Long>, CreatorHistoryStore {

    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };

    @Inject
    ObjectMapper objectMapper;

    @Override
    public void append(CreatorHistoryEntry entry) {
        CreatorHistoryRow row = new CreatorHistoryRow();
        row.subject = entry.subject();
        row.at = entry.at();
        row.actor = entry.actor();
        row.action = entry.action();
        row.changes = json(entry.changes());
        row.reason = entry.reason();
        persist(row);
    }

    @Override
    public List<CreatorHistoryEntry> entriesOf(String subject) {
        return list("subject = ?1 order by id", subject).stream()
                .map(row -> new CreatorHistoryEntry(row.subject, row.at, row.actor, row.action, changes(row.changes), row.reason))
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
