package fr.antiharcelement.school.domain;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.antiharcelement.kernel.RuleBrokenException;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The reference geography of French education: régions, the 30 académies (since the 2020 Normandie merger)
 * and their départements, with the codes the Ministry's directory uses. Read once from
 * {@code reference/geography.csv}.
 */
@ApplicationScoped
public class Geography {

    public record Region(String code, String name) {
    }

    public record Department(String code, String name) {
    }

    public record Academy(String code, String name, Region region, List<Department> departments) {
    }

    /** Where a school is: its département, académie and région, consistent with each other. */
    public record Placement(Department department, Academy academy, Region region) {
    }

    private final Map<String, Academy> academies;
    private final Map<String, Academy> academyOfDepartment = new TreeMap<>();
    private final Map<String, Department> departments = new TreeMap<>();

    public Geography() {
        Map<String, Academy> byCode = new LinkedHashMap<>();
        try (InputStream in = Geography.class.getResourceAsStream("/reference/geography.csv");
             CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').ofCsvRecord(in, StandardCharsets.UTF_8)) {
            reader.stream().skip(1).forEach(row -> {
                Department department = new Department(row.getField(0), row.getField(1));
                Academy academy = byCode.computeIfAbsent(row.getField(2), code -> new Academy(code, row.getField(3),
                        new Region(row.getField(4), row.getField(5)), new ArrayList<>()));
                academy.departments().add(department);
                departments.put(department.code(), department);
                academyOfDepartment.put(department.code(), academy);
            });
        } catch (IOException e) {
            throw new UncheckedIOException("reference/geography.csv is unreadable", e);
        }
        academies = new TreeMap<>(byCode);
    }

    /** Académies sorted by name, each with its région and départements. */
    public List<Academy> academies() {
        return academies.values().stream().sorted(Comparator.comparing(Academy::name)).toList();
    }

    public Optional<Academy> academy(String code) {
        return Optional.ofNullable(academies.get(code));
    }

    /** Pads a département code the way the directory writes it: {@code 35} → {@code 035}, {@code 2A} → {@code 02A}. */
    public static String normalizeDepartment(String code) {
        if (code == null) {
            return null;
        }
        String trimmed = code.trim().toUpperCase(java.util.Locale.ROOT);
        return trimmed.length() < 3 && !trimmed.isEmpty() ? "0".repeat(3 - trimmed.length()) + trimmed : trimmed;
    }

    /**
     * Places a school from its département; an académie or région given as well must agree with it.
     *
     * @throws RuleBrokenException naming what disagrees
     */
    public Placement place(String departmentCode, String academyCode, String regionCode) {
        String code = normalizeDepartment(departmentCode);
        Department department = departments.get(code);
        if (department == null) {
            throw new RuleBrokenException("Unknown département code " + departmentCode);
        }
        Academy academy = academyOfDepartment.get(code);
        if (academyCode != null && !academyCode.isBlank() && !academy.code().equals(academyCode.trim())) {
            throw new RuleBrokenException("Département " + code + " (" + department.name() + ") belongs to académie "
                    + academy.code() + " (" + academy.name() + "), not " + academyCode.trim());
        }
        if (regionCode != null && !regionCode.isBlank() && !academy.region().code().equals(regionCode.trim())) {
            throw new RuleBrokenException("Département " + code + " (" + department.name() + ") is in région "
                    + academy.region().code() + " (" + academy.region().name() + "), not " + regionCode.trim());
        }
        return new Placement(department, academy, academy.region());
    }
}
