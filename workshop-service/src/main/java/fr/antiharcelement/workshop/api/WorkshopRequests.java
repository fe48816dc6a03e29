package fr.antiharcelement.workshop.api;

import fr.antiharcelement.workshop.domain.Audience;
import fr.antiharcelement.workshop.domain.ClassLevel;
import fr.antiharcelement.workshop.domain.WorkshopDraft;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** The bodies the workshop endpoints accept. Attendance is a headcount: nothing here identifies anyone. */
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

    public record Completion(@NotNull @Min(0) @Max(1000) Integer attendees) {
    }

    public record AttendanceCorrection(@NotNull @Min(0) @Max(1000) Integer attendees,
                                       @NotBlank @Size(max = 500) String reason) {
    }

    public record Cancellation(@NotBlank @Size(max = 500) String reason) {
    }
}
