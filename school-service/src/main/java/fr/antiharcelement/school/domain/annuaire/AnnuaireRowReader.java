package fr.antiharcelement.school.domain.annuaire;

import fr.antiharcelement.kernel.RuleBrokenException;
import fr.antiharcelement.kernel.text.StorableText;
import fr.antiharcelement.school.domain.EducationPriority;
import fr.antiharcelement.school.domain.Geography;
import fr.antiharcelement.school.domain.School;
import fr.antiharcelement.school.domain.SchoolStatus;
import fr.antiharcelement.school.domain.SchoolType;
import fr.antiharcelement.school.domain.SearchText;
import fr.antiharcelement.school.domain.Sector;
import fr.antiharcelement.school.domain.Uai;
import fr.antiharcelement.school.domain.annuaire.AnnuaireColumns.Field;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** What a row of an annuaire export says about its school, read through the columns of the export's header. */
final class AnnuaireRowReader {

    /** The longest field of any column (the annuaire's longest, a web address, is under 100). */
    static final int MAX_FIELD_LENGTH = 1_000;
    private static final int KNOWN_LABELS = 64;

    private final AnnuaireColumns columns;
    private final Geography geography;
    /**
     * What the labels of the type, sector and state columns mean, each read once: an export has a handful of distinct
     * labels, and normalising them again for every row cost an import more than parsing its CSV. At most
     * {@value #KNOWN_LABELS} of each are kept, so that a file of made-up labels costs time, not memory.
     */
    private final Map<String, SchoolType> types = new HashMap<>();
    private final Map<String, Optional<Sector>> sectors = new HashMap<>();
    private final Map<String, SchoolStatus> states = new HashMap<>();

    AnnuaireRowReader(AnnuaireColumns columns, Geography geography) {
        this.columns = columns;
        this.geography = geography;
    }

    /** The row's UAI, normalised, or empty when it has none. */
    String uai(List<String> fields) {
        return columns.value(fields, Field.UAI).map(Uai::normalize).orElse("");
    }

    /** Whether the row describes an annex: another line of the file describes the main site. */
    boolean annex(List<String> fields) {
        return SearchText.of(columns.value(fields, Field.NAME).orElse("")).contains("annexe");
    }

    /**
     * The school a row describes on its own, once every field is known to be storable.
     *
     * @throws IllegalArgumentException or {@link RuleBrokenException} saying what is wrong with the row
     */
    School.Details validDetails(List<String> fields) {
        for (String field : fields) {
            if (field.length() > MAX_FIELD_LENGTH) { // any field: a row is refused whole, whatever column holds the flaw
                throw new IllegalArgumentException("a field has " + field.length() + " characters, more than " + MAX_FIELD_LENGTH);
            }
            StorableText.problem(field).ifPresent(problem -> {
                throw new IllegalArgumentException("a field " + problem);
            });
        }
        return details(fields, null);
    }

    /**
     * The school a row describes. Where this export has no column for an optional field, the stored value of
     * {@code existing} stays (yearly exports drop and rename columns; a missing column is not an empty value).
     */
    School.Details details(List<String> fields, School existing) {
        String name = columns.value(fields, Field.NAME).orElseThrow(() -> new IllegalArgumentException("no school name"));
        String commune = columns.value(fields, Field.COMMUNE_NAME).orElseThrow(() -> new IllegalArgumentException("no commune name"));
        String department = columns.value(fields, Field.DEPARTMENT).orElseThrow(() -> new IllegalArgumentException("no département code"));
        Geography.Placement placement = geography.place(department, columns.value(fields, Field.ACADEMY).orElse(null),
                columns.value(fields, Field.REGION).orElse(null));
        return new School.Details(name,
                optional(fields, Field.TYPE, existing, s -> s.type, label -> known(types, label, AnnuaireRowReader::type)),
                optional(fields, Field.SECTOR, existing, s -> s.sector,
                        label -> known(sectors, label, text -> Optional.ofNullable(sector(text))).orElse(null)),
                optional(fields, Field.COMMUNE_CODE, existing, s -> s.communeCode, Function.identity()),
                commune,
                optional(fields, Field.POSTAL_CODE, existing, s -> s.postalCode, Function.identity()),
                placement,
                optional(fields, Field.EDUCATION_PRIORITY, existing, s -> s.educationPriority,
                        label -> priority(label == null ? "" : label)),
                optional(fields, Field.PUPILS, existing, s -> s.pupils, AnnuaireRowReader::pupils),
                optional(fields, Field.STATE, existing, s -> s.status,
                        label -> known(states, label, AnnuaireRowReader::status)));
    }

    /**
     * The school a staged row describes, for a school that exists: what {@link #details(List, School)} gives of the
     * row, from the school the row registers ({@code registration}, worked out without one) and {@code existing}'s
     * values of the fields this export has no column for.
     */
    School.Details details(School registration, School existing) {
        return new School.Details(registration.name, stored(Field.TYPE, existing, s -> s.type, registration),
                stored(Field.SECTOR, existing, s -> s.sector, registration),
                stored(Field.COMMUNE_CODE, existing, s -> s.communeCode, registration), registration.communeName,
                stored(Field.POSTAL_CODE, existing, s -> s.postalCode, registration),
                geography.place(registration.departmentCode, registration.academyCode, registration.regionCode),
                stored(Field.EDUCATION_PRIORITY, existing, s -> s.educationPriority, registration),
                stored(Field.PUPILS, existing, s -> s.pupils, registration),
                stored(Field.STATE, existing, s -> s.status, registration));
    }

    /** {@code existing}'s value of {@code field} if this export has no column for it, else the registration's. */
    private <T> T stored(Field field, School existing, Function<School, T> value, School registration) {
        return value.apply(!columns.has(field) && existing != null ? existing : registration);
    }

    private <T> T optional(List<String> fields, Field field, School existing, Function<School, T> stored,
                           Function<String, T> parse) {
        if (!columns.has(field) && existing != null) {
            return stored.apply(existing);
        }
        return parse.apply(columns.value(fields, field).orElse(null));
    }

    static SchoolType type(String label) {
        return switch (SearchText.of(label)) {
            case "ecole" -> SchoolType.ECOLE;
            case "college" -> SchoolType.COLLEGE;
            case "lycee" -> SchoolType.LYCEE;
            case "erea" -> SchoolType.EREA;
            case "medico social" -> SchoolType.MEDICO_SOCIAL;
            case "service administratif" -> SchoolType.ADMINISTRATION;
            case "information et orientation" -> SchoolType.INFORMATION_ORIENTATION;
            default -> SchoolType.OTHER;
        };
    }

    /** What {@code label} (none: empty) means, read once while fewer than {@value #KNOWN_LABELS} are known. */
    private static <T> T known(Map<String, T> known, String label, Function<String, T> read) {
        String key = label == null ? "" : label;
        T meaning = known.get(key);
        if (meaning == null) {
            meaning = read.apply(key);
            if (known.size() < KNOWN_LABELS) {
                known.put(key, meaning);
            }
        }
        return meaning;
    }

    private static SchoolStatus status(String label) {
        return SearchText.of(label).equals("ferme") ? SchoolStatus.CLOSED : SchoolStatus.OPEN;
    }

    static Sector sector(String label) {
        return switch (SearchText.of(label)) {
            case "public" -> Sector.PUBLIC;
            case "prive" -> Sector.PRIVATE;
            default -> null; // administrative services have none
        };
    }

    static EducationPriority priority(String label) {
        return switch (label.trim().toUpperCase(Locale.ROOT)) {
            case "REP" -> EducationPriority.REP;
            case "REP+" -> EducationPriority.REP_PLUS;
            default -> EducationPriority.NONE;
        };
    }

    private static Integer pupils(String value) {
        if (value == null) {
            return null;
        }
        try {
            int pupils = Integer.parseInt(value);
            if (pupils < 0) {
                throw new IllegalArgumentException("negative pupil count " + value);
            }
            return pupils;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("pupil count is not a number: " + value);
        }
    }
}
