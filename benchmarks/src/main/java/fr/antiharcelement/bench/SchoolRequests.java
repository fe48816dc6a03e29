package fr.antiharcelement.bench;

import fr.antiharcelement.bench.Places.Department;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies for school-service's {@code POST /api/v1/schools} and {@code PUT /api/v1/schools/{uai}}. */
final class SchoolRequests {

    private static final List<Department> DEPARTMENTS = Places.departments();

    private SchoolRequests() {
    }

    /** The UAI of the {@code n}-th benchmark school: départements in turn, serials from {@code firstSerial}. */
    static String uai(int n, int firstSerial) {
        return Places.uai(department(n), firstSerial + n / DEPARTMENTS.size());
    }

    static Department department(int n) {
        return DEPARTMENTS.get(n % DEPARTMENTS.size());
    }

    static Map<String, Object> college(String uai, Department department, String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("uai", uai);
        body.put("name", name);
        body.put("type", "COLLEGE");
        body.put("sector", "PUBLIC");
        body.put("communeCode", department.inseePrefix() + "0".repeat(4 - department.inseePrefix().length()) + "1");
        body.put("communeName", "Commune de " + department.name());
        body.put("postalCode", department.postalPrefix() + "0".repeat(5 - department.postalPrefix().length()));
        body.put("departmentCode", department.code());
        body.put("educationPriority", "NONE");
        body.put("pupils", 520);
        return body;
    }
}
