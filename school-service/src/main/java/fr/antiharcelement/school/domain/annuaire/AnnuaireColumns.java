package fr.antiharcelement.school.domain.annuaire;

import fr.antiharcelement.school.domain.SearchText;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the columns of an annuaire export by their header names. Names are compared without case, accents
 * or punctuation ({@code Code postal} and {@code Code_postal} are the same column), and each field knows the
 * other names it has had between yearly exports. Column order never matters.
 */
final class AnnuaireColumns {

    enum Field {
        UAI(true, "Identifiant_de_l_etablissement", "Code_UAI", "UAI", "Numero_UAI", "identifiant_etablissement"),
        NAME(true, "Nom_etablissement", "Appellation_officielle", "Nom_de_l_etablissement", "Denomination"),
        TYPE(false, "Type_etablissement", "Type_d_etablissement"),
        SECTOR(false, "Statut_public_prive", "Secteur_public_prive", "Secteur", "Statut"),
        POSTAL_CODE(false, "Code_postal", "Code postal", "CP"),
        COMMUNE_CODE(false, "Code_commune", "Code_INSEE_commune", "Code_commune_INSEE"),
        COMMUNE_NAME(true, "Nom_commune", "Libelle_commune", "Commune"),
        DEPARTMENT(true, "Code_departement", "Departement", "Code_du_departement"),
        ACADEMY(false, "Code_academie", "Code_de_l_academie"),
        REGION(false, "Code_region", "Code_de_la_region"),
        EDUCATION_PRIORITY(false, "Appartenance_Education_Prioritaire", "Education_prioritaire"),
        PUPILS(false, "Nombre_d_eleves", "Nombre_eleves", "Effectif"),
        STATE(false, "etat", "Etat_etablissement");

        final boolean required;
        final List<String> names;

        Field(boolean required, String... names) {
            this.required = required;
            this.names = List.of(names);
        }
    }

    /** Every field, once: {@code Field.values()} copies the array at each call, and {@link #read} runs once per row. */

    private final Map<Field, Integer> index;

    private AnnuaireColumns(Map<Field, Integer> index) {
        this.index = index;
    }

    /** Reads the header row; a missing required column is an {@link IllegalArgumentException} naming it. */
    static AnnuaireColumns fromHeader(List<String> header) {
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            positions.putIfAbsent(key(header.get(i)), i);
        }
        Map<Field, Integer> index = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            field.names.stream().map(AnnuaireColumns::key).filter(positions::containsKey).findFirst()
                    .ifPresent(name -> index.put(field, positions.get(name)));
            if (field.required && !index.containsKey(field)) {
                throw new IllegalArgumentException("the header has no " + field.names.get(0) + " column (nor "
                        + String.join(", ", field.names.subList(1, field.names.size())) + ")");
            }
        }
        return new AnnuaireColumns(index);
    }

    /** Whether this export has a column for {@code field}: a missing optional column leaves stored values alone. */
    boolean has(Field field) {
        return index.containsKey(field);
    }

    /** The trimmed value of {@code field} in {@code row}, empty when the column or the value is missing. */
    Optional<String> value(List<String> row, Field field) {
        Integer position = index.get(field);
        if (position == null || position >= row.size()) {
            return Optional.empty();
        }
        String value = row.get(position).trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private static String key(String headerName) {
        return SearchText.of(headerName.replace("\uFEFF", "")).replace(" ", "");
    }
}
