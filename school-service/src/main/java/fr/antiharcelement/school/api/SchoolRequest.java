package fr.antiharcelement.school.api;

import fr.antiharcelement.school.domain.EducationPriority;
import fr.antiharcelement.school.domain.School;
import fr.antiharcelement.school.domain.SchoolStatus;
import fr.antiharcelement.school.domain.SchoolType;
import fr.antiharcelement.school.domain.Sector;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A school as a user registers or replaces it. The académie and région follow from the département. */
public record SchoolRequest(
        @Schema(description = "UAI: 7 digits and a check letter; required on POST, optional on PUT (must match the path)",
                examples = "0352958A")
        @Size(max = 20) String uai,
        @NotBlank @Size(max = School.MAX_NAME_LENGTH) @Schema(examples = "Collège Françoise Elie") String name,
        @NotNull SchoolType type,
        @NotNull Sector sector,
        @Schema(description = "INSEE code of the commune", examples = "35037")
        @Pattern(regexp = "[0-9][0-9AB][0-9]{3}", message = "must be a 5-character INSEE commune code") String communeCode,
        @NotBlank @Size(max = School.MAX_NAME_LENGTH) @Schema(examples = "Bréal-sous-Montfort") String communeName,
        @Pattern(regexp = "[0-9]{5}", message = "must be 5 digits") @Schema(examples = "35310") String postalCode,
        @Schema(description = "Département code as in the annuaire", examples = "035")
        @NotBlank @Pattern(regexp = "[0-9]{1,3}|0?2[ABab]", message = "must be a département code such as 035, 2A or 971")
        String departmentCode,
        @Schema(description = "Optional; must agree with the département") @Pattern(regexp = "[0-9]{2}", message = "must be 2 digits")
        String academyCode,
        @Schema(description = "Optional; must agree with the département") @Pattern(regexp = "[0-9]{2}", message = "must be 2 digits")
        String regionCode,
        @Schema(description = "Defaults to NONE") EducationPriority educationPriority,
        @Min(0) @Max(20_000) @Schema(examples = "540") Integer pupils,
        @Schema(description = "Defaults to OPEN; CLOSED closes the school (schools are never deleted)") SchoolStatus status) {
}
