package fr.antiharcelement.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The départements with their académie and région, read from school-service's own reference file, so that every
 * school the benchmarks invent is placed where school-service and reach-service expect it.
 */
final class Places {

    record Department(String code, String name, String academyCode, String academyName, String regionCode, String regionName) {

        /** The first three digits of the UAIs of this département (Corsica's 2A and 2B use 620 and 720). */
        String uaiPrefix() {
            return switch (code) {
                case "02A" -> "620";
                case "02B" -> "720";
                default -> code;
            };
        }

        /** The first characters of its communes' INSEE codes: 35 for 035, 2A for 02A, 971 for 971. */
        String inseePrefix() {
            return code.startsWith("0") ? code.substring(1) : code;
        }

        String postalPrefix() {
            return code.startsWith("02") && !Character.isDigit(code.charAt(2)) ? "20" : inseePrefix();
        }
    }

    static final String UAI_LETTERS = "ABCDEFGHJKLMNPRSTUVWXYZ";

    private Places() {
    }

    static List<Department> departments() {
        Path file = Bench.repositoryRoot().resolve("school-service/src/main/resources/reference/geography.csv");
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream().skip(1).filter(line -> !line.isBlank())
                    .map(line -> line.split(";", -1))
                    .map(f -> new Department(f[0], f[1], f[2], f[3], f[4], f[5]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** A valid UAI: the département's prefix, a four-digit serial, and the check letter (number modulo 23). */
    static String uai(Department department, int serial) {
        if (serial < 0 || serial > 9_999) {
            throw new IllegalArgumentException("A département has room for 10,000 UAIs in this scheme, not " + serial);
        }
        String digits = department.uaiPrefix() + String.format("%04d", serial);
        return digits + UAI_LETTERS.charAt(Integer.parseInt(digits) % 23);
    }
}
