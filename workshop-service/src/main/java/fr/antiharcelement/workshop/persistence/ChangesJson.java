package fr.antiharcelement.workshop.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.workshop.domain.FieldChange;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/** An audit entry's changes as one JSON text, the way both audit trails (workshops', creators') store them. */
@ApplicationScoped
class ChangesJson {

    private static final TypeReference<LinkedHashMap<String, FieldChange>> CHANGES = new TypeReference<>() {
    };

    @Inject
    ObjectMapper objectMapper;

    String write(Map<String, FieldChange> changes) {
        try {
            return objectMapper.writeValueAsString(changes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    Map<String, FieldChange> read(String json) {
        try {
            return objectMapper.readValue(json, CHANGES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable changes in the audit trail: " + e.getOriginalMessage(), e);
        }
    }
}
