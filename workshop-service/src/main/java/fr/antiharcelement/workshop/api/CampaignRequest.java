package fr.antiharcelement.workshop.api;

import fr.antiharcelement.workshop.domain.SchoolType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;

/** A campaign as staff define or replace it. */
public record CampaignRequest(
        @Schema(description = "A slug; required on POST, optional on PUT (must match the path)", examples = "lepoidsdesmots-2021")
        @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,62}", message = "must be a slug: lower-case letters, digits and dashes") String code,
        @NotBlank @Size(max = 200) String name,
        @NotNull LocalDate startsOn,
        @Schema(description = "At most 5 years after startsOn") @NotNull LocalDate endsOn,
        @NotNull @Valid Targets targets,
        @Schema(description = "The school types where pupil (STUDENTS) workshops may take place; [COLLEGE] when left out")
        @Size(max = 8) List<@NotNull SchoolType> studentSchoolTypes) {

    public record Targets(@NotNull @Min(0) @Max(100_000_000) Integer studentsSensitised,
                          @Min(0) @Max(100_000_000) Integer parentsSensitised,
                          @NotNull @Min(0) @Max(10_000_000) Integer studentWorkshops,
                          @NotNull @Min(0) @Max(10_000_000) Integer parentWorkshops,
                          @NotNull @Min(0) @Max(1_000_000) Integer schools,
                          @Schema(description = "Optional targets for the creators' posts") @Valid Online online) {
    }

    /** Online targets, each optional: impressions, accounts reached (summed per post) and engagements. */
    public record Online(@Min(0) @Max(1_000_000_000_000L) Long impressions,
                         @Min(0) @Max(1_000_000_000_000L) Long accountsReached,
                         @Min(0) @Max(1_000_000_000_000L) Long engagements) {
    }
}
