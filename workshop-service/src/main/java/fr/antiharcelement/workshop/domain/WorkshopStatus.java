package fr.antiharcelement.workshop.domain;

public enum WorkshopStatus {
    SCHEDULED, COMPLETED, CANCELLED
}
