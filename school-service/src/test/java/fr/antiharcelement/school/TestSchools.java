package fr.antiharcelement.school;

import fr.antiharcelement.school.domain.Uai;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** Valid, unique school data for tests that share one database. */
public final class TestSchools {

    private TestSchools() {
    }

    /**
     * Numbers handed out in turn from a random start: random picks collided (a birthday problem once the fuzz tests
     * had registered a thousand schools), and each test JVM starts on an empty database.
     */
    private static final AtomicInteger NEXT = new AtomicInteger(ThreadLocalRandom.current().nextInt(100_000));

    /** A fresh valid UAI, never handed out before in this JVM, in a range the annuaire fixture does not use (035). */
    public static String newUai() {
        String digits = "09" + String.format("%05d", Math.floorMod(NEXT.getAndIncrement(), 100_000));
        return digits + Uai.checkLetter(digits);
    }

    /**
     * A registration body for a collège in Brest (Finistère: département 029, académie 14 Rennes, région 53
     * Bretagne), outside the fixture's Ille-et-Vilaine so that the fixture's counts stay exact.
     */
    public static Map<String, Object> college(String uai, String name) {
        return Map.of("uai", uai, "name", name, "type", "COLLEGE", "sector", "PUBLIC", "communeCode", "29019",
                "communeName", "Brest", "postalCode", "29200", "departmentCode", "029", "educationPriority", "REP",
                "pupils", 540);
    }

    /** A small annuaire export in the Ministry's format (its column names, {@code ;}) with a Brest collège per UAI. */
    public static String annuaireCsv(String... uais) {
        StringBuilder csv = new StringBuilder("Identifiant_de_l_etablissement;Nom_etablissement;Type_etablissement;"
                + "Statut_public_prive;Code postal;Code_commune;Nom_commune;Code_departement;Nombre_d_eleves\n");
        for (String uai : uais) {
            csv.append(uai).append(";Collège ").append(uai).append(";Collège;Public;29200;29019;Brest;029;480\n");
        }
        return csv.toString();
    }
}
