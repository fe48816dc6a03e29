package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.idempotency.NotInIdempotencyRecord;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.workshop.domain.Audience;
import fr.antiharcelement.workshop.domain.ClassLevel;
import fr.antiharcelement.workshop.domain.Note;
import fr.antiharcelement.workshop.domain.Reason;
import fr.antiharcelement.workshop.domain.ReasonCode;
import fr.antiharcelement.workshop.domain.WorkshopDraft;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Null;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The bodies the workshop endpoints accept. Attendance is a headcount: nothing here identifies anyone. Why a change is
 * made is a {@link ReasonCode}; a note may add a few words, never a name.
 */
public final class WorkshopRequests {

    private WorkshopRequests() {
    }

    public record Schedule(
            @NotBlank @Size(max = 64) String campaignCode,
            @NotBlank @Pattern(regexp = "[0-9]{7}[A-Za-z]", message = "must be a UAI: 7 digits and a check letter") String schoolUai,
            @NotBlank @Size(max = 64) String partnerCode,
            @NotNull UUID facilitatorId,
            @NotNull Audience audience,
            @Schema(description = "For STUDENTS workshops only") ClassLevel classLevel,
            @NotNull @Schema(examples = "2021-11-16T10:00:00+01:00") OffsetDateTime startsAt,
            @NotNull @Schema(examples = "2021-11-16T12:00:00+01:00") OffsetDateTime endsAt,
            @Schema(description = "Seats; defaults to 30") @Min(1) @Max(1000) Integer capacity,
            @Schema(description = "The partner's own id for the workshop (its spreadsheet's or CRM's), unique per partner; "
                    + "set once", examples = "GN-2021-0042")
            @Size(max = PARTNER_REFERENCE_LENGTH) @Pattern(regexp = "[^\\p{Cntrl}]*", message = "must not contain control characters")
            String partnerReference) {

        WorkshopDraft draft() {
            return new WorkshopDraft(campaignCode.trim(), schoolUai.trim().toUpperCase(), partnerCode.trim(), facilitatorId,
                    audience, classLevel, startsAt, endsAt, capacity, reference(partnerReference));
        }
    }

    public static final int PARTNER_REFERENCE_LENGTH = 64;

    /** A partner's reference as stored: trimmed, blank is none. */
    static String reference(String partnerReference) {
        return partnerReference == null || partnerReference.isBlank() ? null : partnerReference.trim();
    }

    /** What the schema says of every note: the rule the service cannot check for the client. */
    static final String NOTE = "Optional, at most 200 characters, beside the reasonCode. No personal data: never write a "
            + "pupil's name. Kept in this service only (never in an event), shown only to staff and the workshop's partner; "
            + "staff may redact it.";
    /**
     * What a request still sending the free-text {@code reason} of before is told, rather than "not a known field"
     * (bean validation refuses it before anything is stored or hashed, so its text goes nowhere).
     */
    static final String REASON_GONE = "is no longer accepted: send a reasonCode (SCHOOL_CLOSED, RESCHEDULED_BY_SCHOOL, "
            + "FACILITATOR_UNAVAILABLE, RECORDED_BY_MISTAKE, HEADCOUNT_RECOUNTED, EXTRA_ATTENDEES_ADMITTED or OTHER) and, if "
            + "needed, a short note without personal data";

    public record Completion(@NotNull @Min(0) @Max(1000) Integer attendees,
                             @Schema(description = "Needed only when staff record more attendees than the workshop's "
                                     + "capacity (e.g. EXTRA_ATTENDEES_ADMITTED); partners cannot") ReasonCode reasonCode,
                             @Schema(description = NOTE, maxLength = Note.MAX_LENGTH) @Size(max = Note.MAX_LENGTH)
                             @NotInIdempotencyRecord String note,
                             @Schema(hidden = true) @Null(message = REASON_GONE) Object reason) {

        Reason why() {
            if (reasonCode == null) {
                if (note != null && !note.isBlank()) {
                    throw ProblemException.invalidField("note", "goes with a reasonCode");
                }
                return null;
            }
            return new Reason(reasonCode, note);
        }
    }

    public record AttendanceCorrection(@NotNull @Min(0) @Max(1000) Integer attendees,
                                       @Schema(description = "Why the headcount changes") @NotNull ReasonCode reasonCode,
                                       @Schema(description = NOTE, maxLength = Note.MAX_LENGTH) @Size(max = Note.MAX_LENGTH)
                                       @NotInIdempotencyRecord String note,
                                       @Schema(hidden = true) @Null(message = REASON_GONE) Object reason) {

        Reason why() {
            return new Reason(reasonCode, note);
        }
    }

    public record Cancellation(@Schema(description = "Why the workshop is cancelled") @NotNull ReasonCode reasonCode,
                               @Schema(description = NOTE, maxLength = Note.MAX_LENGTH) @Size(max = Note.MAX_LENGTH)
                               @NotInIdempotencyRecord String note,
                               @Schema(hidden = true) @Null(message = REASON_GONE) Object reason) {

        Reason why() {
            return new Reason(reasonCode, note);
        }
    }
}
