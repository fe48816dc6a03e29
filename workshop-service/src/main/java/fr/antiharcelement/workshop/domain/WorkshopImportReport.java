package fr.antiharcelement.workshop.domain;

import java.util.List;

/**
 * What a bulk upload did: workshops created, updated (each change through the same rules and events as one by one),
 * already as the upload says, and the rows rejected with their line and every reason. The list of rejected rows is
 * capped ({@code rejectedCount} counts them all), so that a wrong file answers a readable report.
 */
public record WorkshopImportReport(int created, int updated, int unchanged, int rejectedCount, List<Rejected> rejected) {

    /** A row not applied: its line, the reference it carried (if any) and what is wrong with it. */
    public record Rejected(long line, String partnerReference, List<String> errors) {
    }
}
