package fr.antiharcelement.workshop.domain;

/**
 * Why a workshop was cancelled, its headcount corrected, or more attendees recorded than it has seats. A code, not
 * free text: free text travelled into events, which are kept for ever, and one day named a child. A short
 * {@link Note} may add what a code cannot say; it stays in this service.
 */
public enum ReasonCode {
    /** The school was closed (strike, weather, health measure...). */
    SCHOOL_CLOSED,
    /** The school asked to move or drop the workshop. */
    RESCHEDULED_BY_SCHOOL,
    /** The facilitator could not come and nobody replaced them. */
    FACILITATOR_UNAVAILABLE,
    /** The workshop, or its headcount, was recorded by mistake. */
    RECORDED_BY_MISTAKE,
    /** The headcount was counted again. */
    HEADCOUNT_RECOUNTED,
    /** More people attended than the workshop had seats (two classes together, extra chairs): staff confirm it. */
    EXTRA_ATTENDEES_ADMITTED,
    /** None of the above; say what in the note. */
    OTHER
}
