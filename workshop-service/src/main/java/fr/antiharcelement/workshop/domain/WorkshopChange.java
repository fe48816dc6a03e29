package fr.antiharcelement.workshop.domain;

/** What happened to a workshop: the action its audit trail records, and the event it publishes. */
public enum WorkshopChange {
    SCHEDULED("scheduled"),
    RESCHEDULED("rescheduled"),
    COMPLETED("completed"),
    ATTENDANCE_CORRECTED("attendance corrected"),
    CANCELLED("cancelled");

    private final String action;

    WorkshopChange(String action) {
        this.action = action;
    }

    /** The action as the audit trail names it. */
    public String action() {
        return action;
    }
}
