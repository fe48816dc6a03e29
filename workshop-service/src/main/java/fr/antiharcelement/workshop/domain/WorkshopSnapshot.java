package fr.antiharcelement.workshop.domain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a workshop its audit trail follows, as they were at one moment. Values are text or numbers, as the
 * trail shows them, so that a change reads the same once stored. The cancellation's note is not one of them: it is
 * kept once, in the history entry of the change, where it can be redacted.
 */
public final class WorkshopSnapshot {

    /** Before a workshop exists: every field it then has is a change. */
    public static final WorkshopSnapshot NOTHING = new WorkshopSnapshot(Map.of());

    private final Map<String, Object> fields;

    private WorkshopSnapshot(Map<String, Object> fields) {
        this.fields = fields;
    }

    public static WorkshopSnapshot of(Workshop workshop) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("partnerReference", workshop.partnerReference);
        fields.put("schoolUai", workshop.schoolUai);
        fields.put("facilitatorId", text(workshop.facilitatorId));
        fields.put("audience", text(workshop.audience));
        fields.put("classLevel", text(workshop.classLevel));
        fields.put("startsAt", text(workshop.startsAt));
        fields.put("endsAt", text(workshop.endsAt));
        fields.put("capacity", workshop.capacity);
        fields.put("status", text(workshop.status));
        fields.put("attendees", workshop.attendees);
        fields.put("cancellationReasonCode", text(workshop.cancellationReasonCode));
        return new WorkshopSnapshot(fields);
    }

    /** What changed, field by field, from this snapshot to {@code after}: {@code {"attendees": {"from": 24, "to": 26}}}. */
    public Map<String, FieldChange> changesTo(WorkshopSnapshot after) {
        Map<String, FieldChange> changes = new LinkedHashMap<>();
        after.fields.forEach((field, value) -> {
            Object old = fields.get(field);
            if (!Objects.equals(old, value)) {
                changes.put(field, new FieldChange(old, value));
            }
        });
        return changes;
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
