package fr.antiharcelement.workshop.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partner's planning uploaded at once: each row names its workshop by the partner's own reference and is created,
 * changed (rescheduled, completed, its headcount corrected, cancelled: the planner's own steps and rules, each change
 * audited and published) or left alone when the workshop is already as the row says; so the same upload twice changes
 * nothing the second time. A row that breaks a rule is reported with its line and the others apply.
 *
 * <p>Rows are applied in chunks of {@value #CHUNK} per transaction, each chunk reading its workshops in one query:
 * a campaign's 2,000 rows in a few transactions, none held long. A chunk the database refuses as a whole (a booking or
 * a reference a concurrent request took meanwhile) is applied again row by row, each in its own transaction.
 */
@ApplicationScoped
public class WorkshopImport {

    /** Rows per transaction: few enough to hold their locks briefly, enough to make the per-transaction cost small. */
    static final int CHUNK = 200;
    /** Rejected rows listed in a report; the count says how many there were in all. */
    public static final int REJECTED_LISTED = 1_000;

    @Inject
    WorkshopImportChunk chunks;

    /**
     * Applies {@code rows}; {@code unreadable} are rows the caller could not read (reported as they are). A partner
     * token's rows name its own partner, or are rejected.
     */
    public WorkshopImportReport upload(List<WorkshopImportRow> rows, List<WorkshopImportReport.Rejected> unreadable,
                                       PartnerScope scope) {
        List<WorkshopImportReport.Rejected> rejected = new ArrayList<>(unreadable);
        Map<String, List<WorkshopImportRow>> byPartner = new LinkedHashMap<>();
        Map<String, Long> firstLine = new HashMap<>();
        for (WorkshopImportRow row : rows) {
            String partner = row.draft().partnerCode();
            String key = partner + "\u0000" + row.draft().partnerReference();
            Long earlier = firstLine.putIfAbsent(key, row.line());
            if (!scope.sees(partner)) {
                rejected.add(rejection(row, "a partner token for " + scope.partnerCode().orElseThrow()
                        + " cannot act for partner " + partner));
            } else if (earlier != null) {
                rejected.add(rejection(row, "partnerReference " + row.draft().partnerReference() + " is already on line " + earlier
                        + " of this upload"));
            } else {
                byPartner.computeIfAbsent(partner, ignored -> new ArrayList<>()).add(row);
            }
        }
        int[] counts = new int[3];
        byPartner.forEach((partner, ofPartner) -> {
            for (int from = 0; from < ofPartner.size(); from += CHUNK) {
                List<WorkshopImportRow> chunk = ofPartner.subList(from, Math.min(ofPartner.size(), from + CHUNK));
                for (WorkshopImportChunk.Outcome outcome : applied(partner, chunk, scope)) {
                    switch (outcome.result()) {
                        case CREATED -> counts[0]++;
                        case UPDATED -> counts[1]++;
                        case UNCHANGED -> counts[2]++;
                        case REJECTED -> rejected.add(rejection(outcome.row(), outcome.error()));
                    }
                }
            }
        });
        rejected.sort(Comparator.comparingLong(WorkshopImportReport.Rejected::line));
        return new WorkshopImportReport(counts[0], counts[1], counts[2], rejected.size(),
                List.copyOf(rejected.subList(0, Math.min(rejected.size(), REJECTED_LISTED))));
    }

    /** The chunk in one transaction; if the database refuses it as a whole, each row in its own. */
    private List<WorkshopImportChunk.Outcome> applied(String partner, List<WorkshopImportRow> chunk, PartnerScope scope) {
        try {
            return chunks.apply(partner, chunk, scope);
        } catch (RuntimeException refused) {
            List<WorkshopImportChunk.Outcome> outcomes = new ArrayList<>();
            for (WorkshopImportRow row : chunk) {
                try {
                    outcomes.addAll(chunks.apply(partner, List.of(row), scope));
                } catch (DoubleBookingException e) {
                    outcomes.add(new WorkshopImportChunk.Outcome(row, WorkshopImportChunk.Result.REJECTED,
                            "the facilitator is already booked at that time"));
                } catch (ReferenceTakenException | fr.antiharcelement.kernel.DomainException e) {
                    outcomes.add(new WorkshopImportChunk.Outcome(row, WorkshopImportChunk.Result.REJECTED, e.getMessage()));
                }
            }
            return outcomes;
        }
    }

    private static WorkshopImportReport.Rejected rejection(WorkshopImportRow row, String error) {
        return new WorkshopImportReport.Rejected(row.line(), row.draft().partnerReference(), List.of(error));
    }
}
