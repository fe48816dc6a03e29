package fr.antiharcelement.workshop.domain;

/**
 * One row of a bulk upload, read and well formed: the workshop as the partner's planning has it ({@code draft}, whose
 * {@code partnerReference} names it), the state it should be in, its headcount when completed, and the reason a
 * cancellation or a headcount correction records. {@code line} is where it was in the upload, for the report.
 */
public record WorkshopImportRow(long line, WorkshopDraft draft, WorkshopStatus status, Integer attendees, Reason reason) {
}
