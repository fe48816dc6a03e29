package fr.antiharcelement.workshop.domain;

/** One field of a workshop, changed from a value to another: text, a number, or null when it had none. */
public record FieldChange(Object from, Object to) {
}
