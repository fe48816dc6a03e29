package fr.antiharcelement.reach.domain;

/** The reach metrics under one key of a breakdown (or of a whole campaign). */
public record ReachRow(String key, String name, long studentsSensitised, long parentsSensitised, long studentWorkshopsDelivered,
                       long parentWorkshopsDelivered, long workshopsScheduled, long schoolsReached) {
}
