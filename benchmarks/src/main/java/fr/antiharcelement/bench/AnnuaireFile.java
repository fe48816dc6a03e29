package fr.antiharcelement.bench;

import fr.antiharcelement.bench.Places.Department;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Writes a national-size annuaire export: the header of the Ministry's file (taken from school-service's fixture,
 * so the columns are exactly those), UTF-8 with a BOM, {@code ;} separated, CRLF lines. Rows are spread over every
 * département with realistic proportions of écoles, collèges and lycées, valid UAIs, and about one establishment
 * in a hundred described a second time as an annex further down the file, as the real export does.
 */
final class AnnuaireFile {

    record Written(Path file, int rows, int establishments, long bytes) {
    }

    private record Kind(String label, double share, int minPupils, int maxPupils, String nature) {
    }

    /** Shares close to the national directory's. */
    private static final List<Kind> KINDS = List.of(
            new Kind("Ecole", 0.705, 40, 350, "ECOLE DE NIVEAU ELEMENTAIRE"),
            new Kind("Collège", 0.115, 250, 900, "COLLEGE"),
            new Kind("Lycée", 0.070, 300, 1800, "LYCEE ENSEIGNT GENERAL ET TECHNOLOGIQUE"),
            new Kind("Médico-social", 0.040, 0, 0, "INSTITUT MEDICO-EDUCATIF"),
            new Kind("Service Administratif", 0.045, 0, 0, "CIRCONSCRIPTION INSPECTION EDUC NAT"),
            new Kind("Information et orientation", 0.012, 0, 0, "CENTRE D'INFORMATION ET D'ORIENTATION"),
            new Kind("EREA", 0.003, 80, 250, "ETABLISSEMENT REGIONAL D'ENSEIGNEMENT ADAPTE"),
            new Kind("Autre", 0.010, 0, 0, "AUTRE ETABLISSEMENT"));

    private static final String[] PEOPLE = {"Jean Moulin", "Jules Ferry", "Victor Hugo", "Louise Michel", "Simone Veil",
            "Jacques Prévert", "Marie Curie", "Jean Jaurès", "Anne Frank", "Albert Camus", "Paul Éluard", "George Sand",
            "Antoine de Saint-Exupéry", "Pierre Mendès France", "Olympe de Gouges", "Jean de La Fontaine", "Colette",
            "Émile Zola", "Germaine Tillion", "Lucie Aubrac", "Jean Macé", "Condorcet", "Pasteur", "Molière"};
    private static final String[] PLACES = {"les Tilleuls", "du Centre", "des Écoles", "le Bocage", "la Roseraie",
            "du Parc", "les Sources", "du Val", "la Fontaine", "les Marronniers", "du Bourg", "les Coteaux"};
    private static final String[] COMMUNES = {"Saint-Martin", "Beaulieu", "Villeneuve", "Montfort", "Saint-Georges",
            "Bellevue", "Châteauneuf", "Sainte-Marie", "Fontaine", "Mirebeau", "Rochefort", "Saint-Laurent",
            "Bourg-la-Reine", "Clairefontaine", "Plessis", "Neuville", "Sauveterre", "Val-Joli", "Lavaur", "Pontoise"};

    private AnnuaireFile() {
    }

    /** Writes {@code rows} data rows (annex lines included) to {@code file}. */
    static Written write(Path file, int rows, long seed) {
        List<String> header = fixtureHeader();
        Map<String, Integer> column = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            column.put(header.get(i), i);
        }
        List<Department> departments = Places.departments();
        Random random = new Random(seed);
        double[] weight = departments.stream().mapToDouble(d -> 0.5 + random.nextDouble() * 2.5).toArray();
        double totalWeight = java.util.Arrays.stream(weight).sum();
        int[] nextSerial = new int[departments.size()];
        int annexes = rows / 100;
        int establishments = rows - annexes;
        List<String[]> annexQueue = new ArrayList<>();
        try {
            Files.createDirectories(file.getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                out.write('\uFEFF');
                out.write(String.join(";", header));
                out.write("\r\n");
                int written = 0;
                for (int n = 0; n < establishments; n++) {
                    int d = pick(weight, totalWeight, random);
                    Department department = departments.get(d);
                    String uai = Places.uai(department, nextSerial[d]++);
                    String[] row = establishment(header.size(), column, department, uai, random);
                    out.write(String.join(";", row));
                    out.write("\r\n");
                    written++;
                    if (annexQueue.size() < annexes && random.nextInt(100) == 0) {
                        annexQueue.add(annexOf(row, column));
                    }
                    // Annexes come far after their main line, as in the real export.
                    if (n > establishments / 2 && !annexQueue.isEmpty() && random.nextInt(50) == 0) {
                        out.write(String.join(";", annexQueue.remove(0)));
                        out.write("\r\n");
                        written++;
                    }
                }
                for (String[] annex : annexQueue) {
                    out.write(String.join(";", annex));
                    out.write("\r\n");
                    written++;
                }
                out.flush();
                return new Written(file, written, establishments, Files.size(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file, e);
        }
    }

    private static String[] establishment(int width, Map<String, Integer> column, Department department, String uai, Random random) {
        String[] row = new String[width];
        java.util.Arrays.fill(row, "");
        Kind kind = kind(random);
        boolean administrative = kind.label().equals("Service Administratif") || kind.label().equals("Information et orientation");
        boolean isPrivate = !administrative && random.nextDouble() < 0.2;
        String commune = COMMUNES[random.nextInt(COMMUNES.length)];
        String inseeCode = department.inseePrefix() + String.format("%0" + (5 - department.inseePrefix().length()) + "d",
                1 + random.nextInt(department.inseePrefix().length() == 3 ? 99 : 899));
        String postalCode = department.postalPrefix() + String.format("%0" + (5 - department.postalPrefix().length()) + "d",
                random.nextInt(department.postalPrefix().length() == 3 ? 99 : 999));
        String sector = administrative ? "" : isPrivate ? "Privé" : "Public";
        String name = switch (kind.label()) {
            case "Ecole" -> "Ecole " + (random.nextBoolean() ? "primaire" : "élémentaire") + (isPrivate ? " privée " : " publique ")
                    + pickName(random);
            case "Collège", "Lycée" -> kind.label() + (isPrivate ? " privé " : " ") + pickName(random);
            case "Service Administratif" -> "Circonscription d'inspection de " + commune;
            case "Information et orientation" -> "CIO de " + commune;
            default -> kind.label() + " " + pickName(random);
        };
        double latitude = 42.5 + random.nextDouble() * 8.5;
        double longitude = -4.5 + random.nextDouble() * 12.5;
        set(row, column, "Identifiant_de_l_etablissement", uai);
        set(row, column, "Nom_etablissement", name);
        set(row, column, "Type_etablissement", kind.label());
        set(row, column, "Statut_public_prive", sector);
        set(row, column, "Adresse_1", (1 + random.nextInt(120)) + " rue " + PLACES[random.nextInt(PLACES.length)]);
        set(row, column, "Adresse_3", postalCode + " " + commune.toUpperCase(Locale.ROOT));
        set(row, column, "Code postal", postalCode);
        set(row, column, "Code_commune", inseeCode);
        set(row, column, "Nom_commune", commune);
        set(row, column, "Code_departement", department.code());
        set(row, column, "Code_academie", department.academyCode());
        set(row, column, "Code_region", department.regionCode());
        set(row, column, "Telephone", String.format("0%d %02d %02d %02d %02d", 1 + random.nextInt(5), random.nextInt(100),
                random.nextInt(100), random.nextInt(100), random.nextInt(100)));
        set(row, column, "Mail", "ce." + uai + "@ac-" + slug(department.academyName()) + ".fr");
        set(row, column, "Restauration", random.nextBoolean() ? "1" : "0");
        set(row, column, "Hebergement", "0");
        set(row, column, "Appartenance_Education_Prioritaire", priority(kind, random));
        set(row, column, "SIREN_SIRET", String.format("%014d", Math.floorMod(random.nextLong(), 100_000_000_000_000L)));
        set(row, column, "Nombre_d_eleves", kind.maxPupils() == 0 ? ""
                : Integer.toString(kind.minPupils() + random.nextInt(kind.maxPupils() - kind.minPupils())));
        set(row, column, "position", latitude + ", " + longitude);
        set(row, column, "Libelle_departement", department.name());
        set(row, column, "Libelle_academie", department.academyName());
        set(row, column, "Libelle_region", department.regionName());
        set(row, column, "epsg", "EPSG:2154");
        set(row, column, "latitude", Double.toString(latitude));
        set(row, column, "longitude", Double.toString(longitude));
        set(row, column, "precision_localisation", "Numéro de rue");
        set(row, column, "date_ouverture", "19" + (60 + random.nextInt(40)) + "-09-01");
        set(row, column, "date_maj_ligne", "2024-06-12");
        set(row, column, "etat", "OUVERT");
        set(row, column, "ministere_tutelle", "MINISTERE DE L'EDUCATION NATIONALE");
        set(row, column, "etablissement_multi_lignes", "0");
        set(row, column, "code_nature", Integer.toString(100 + random.nextInt(300)));
        set(row, column, "libelle_nature", kind.nature());
        return row;
    }

    /** The same establishment described again by its annex: same UAI, "annexe" in the name, the main line wins. */
    private static String[] annexOf(String[] main, Map<String, Integer> column) {
        String[] annex = main.clone();
        annex[column.get("Nom_etablissement")] = main[column.get("Nom_etablissement")] + " - Annexe";
        annex[column.get("Adresse_1")] = "2 allée de l'Annexe";
        annex[column.get("etablissement_multi_lignes")] = "1";
        return annex;
    }

    private static String priority(Kind kind, Random random) {
        if (!kind.label().equals("Ecole") && !kind.label().equals("Collège")) {
            return "";
        }
        int draw = random.nextInt(100);
        return draw < 3 ? "REP+" : draw < 11 ? "REP" : "";
    }

    private static Kind kind(Random random) {
        double draw = random.nextDouble();
        for (Kind kind : KINDS) {
            draw -= kind.share();
            if (draw < 0) {
                return kind;
            }
        }
        return KINDS.get(0);
    }

    private static String pickName(Random random) {
        return random.nextInt(3) == 0 ? PLACES[random.nextInt(PLACES.length)] : PEOPLE[random.nextInt(PEOPLE.length)];
    }

    private static int pick(double[] weight, double total, Random random) {
        double draw = random.nextDouble() * total;
        for (int i = 0; i < weight.length; i++) {
            draw -= weight[i];
            if (draw < 0) {
                return i;
            }
        }
        return weight.length - 1;
    }

    private static void set(String[] row, Map<String, Integer> column, String name, String value) {
        Integer position = column.get(name);
        if (position != null) {
            row[position] = value.replace(';', ',');
        }
    }

    private static String slug(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]+", "-");
    }

    /** The column names of school-service's annuaire fixture (the Ministry's 2023 export). */
    private static List<String> fixtureHeader() {
        Path fixture = Bench.repositoryRoot()
                .resolve("school-service/src/test/resources/annuaire/fr-en-annuaire-education-ille-et-vilaine-2023.csv");
        try (java.io.BufferedReader reader = Files.newBufferedReader(fixture, StandardCharsets.UTF_8)) {
            return List.of(reader.readLine().replace("\uFEFF", "").split(";", -1));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + fixture, e);
        }
    }
}
