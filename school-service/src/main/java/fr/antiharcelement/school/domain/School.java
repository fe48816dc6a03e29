package fr.antiharcelement.school.domain;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A school of the directory. Its {@code version} grows by one with every change and is its ETag. Its fields change
 * only through its own methods; the store saves what they changed ({@link SchoolStore#save}).
 */
public class School {

    public String uai;
    public String name;
    public SchoolType type;
    public Sector sector;
    public String communeCode;
    public String communeName;
    public String postalCode;
    public String departmentCode;
    public String academyCode;
    public String regionCode;
    public EducationPriority educationPriority;
    public Integer pupils;
    public SchoolStatus status;
    public long version;
    public String searchText;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    /** The longest school or commune name the API and the import accept (the annuaire's longest is 108). */
    public static final int MAX_NAME_LENGTH = 200;
    /** An INSEE commune code and a postal code are 5 characters. */
    public static final int MAX_CODE_LENGTH = 5;

    /**
     * The fields a user or an import sets; everything else the service derives. The API checks the same lengths
     * first, field by field; here they hold for every way in, so that no school event outgrows a Kafka record.
     */
    public record Details(String name, SchoolType type, Sector sector, String communeCode, String communeName,
                          String postalCode, Geography.Placement placement, EducationPriority educationPriority,
                          Integer pupils, SchoolStatus status) {

        public Details {
            atMost("name", name, MAX_NAME_LENGTH);
            atMost("commune name", communeName, MAX_NAME_LENGTH);
            atMost("commune code", communeCode, MAX_CODE_LENGTH);
            atMost("postal code", postalCode, MAX_CODE_LENGTH);
        }

        private static void atMost(String field, String value, int length) {
            if (value != null && value.length() > length) {
                throw new IllegalArgumentException("the " + field + " has " + value.length() + " characters, more than " + length);
            }
        }
    }

    public static School register(String uai, Details details, OffsetDateTime now) {
        School school = new School();
        school.uai = uai;
        school.version = 1;
        school.createdAt = now;
        school.apply(details, now);
        return school;
    }

    /** Whether {@code details} would change anything: an unchanged school keeps its version and publishes nothing. */
    public boolean differsFrom(Details details) {
        return !Objects.equals(name, details.name()) || type != details.type() || sector != details.sector()
                || !Objects.equals(communeCode, details.communeCode()) || !Objects.equals(communeName, details.communeName())
                || !Objects.equals(postalCode, details.postalCode())
                || !Objects.equals(departmentCode, details.placement().department().code())
                || !Objects.equals(academyCode, details.placement().academy().code())
                || !Objects.equals(regionCode, details.placement().region().code())
                || educationPriority != details.educationPriority() || !Objects.equals(pupils, details.pupils())
                || status != details.status();
    }

    /** Applies a change and moves to the next version. */
    public void change(Details details, OffsetDateTime now) {
        apply(details, now);
        version++;
    }

    private void apply(Details details, OffsetDateTime now) {
        name = details.name();
        type = details.type();
        sector = details.sector();
        communeCode = details.communeCode();
        communeName = details.communeName();
        postalCode = details.postalCode();
        departmentCode = details.placement().department().code();
        academyCode = details.placement().academy().code();
        regionCode = details.placement().region().code();
        educationPriority = details.educationPriority();
        pupils = details.pupils();
        status = details.status();
        searchText = SearchText.of(name, communeName);
        updatedAt = now;
    }
}
