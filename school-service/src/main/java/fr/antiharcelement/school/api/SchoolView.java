package fr.antiharcelement.school.api;

import fr.antiharcelement.school.domain.EducationPriority;
import fr.antiharcelement.school.domain.Geography;
import fr.antiharcelement.school.domain.School;
import fr.antiharcelement.school.domain.SchoolStatus;
import fr.antiharcelement.school.domain.SchoolType;
import fr.antiharcelement.school.domain.Sector;

import java.time.OffsetDateTime;

/** A school as the API shows it, with the names of its département, académie and région. */
public record SchoolView(String uai, String name, SchoolType type, Sector sector, String communeCode, String communeName,
                         String postalCode, String departmentCode, String departmentName, String academyCode,
                         String academyName, String regionCode, String regionName, EducationPriority educationPriority,
                         Integer pupils, SchoolStatus status, long version, OffsetDateTime createdAt, OffsetDateTime updatedAt) {

    static SchoolView of(School school, Geography geography) {
        Geography.Placement place = geography.place(school.departmentCode, school.academyCode, school.regionCode);
        return new SchoolView(school.uai, school.name, school.type, school.sector, school.communeCode, school.communeName,
                school.postalCode, place.department().code(), place.department().name(), place.academy().code(),
                place.academy().name(), place.region().code(), place.region().name(), school.educationPriority, school.pupils,
                school.status, school.version, school.createdAt, school.updatedAt);
    }
}
