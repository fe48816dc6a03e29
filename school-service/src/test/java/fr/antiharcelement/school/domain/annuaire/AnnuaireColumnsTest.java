package fr.antiharcelement.school.domain.annuaire;

import fr.antiharcelement.school.domain.annuaire.AnnuaireColumns.Field;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnuaireColumnsTest {

    /** The columns of the 2023 export this service reads, in its order, with the BOM of the published file. */
    private static final List<String> HEADER_2023 = List.of("\uFEFFIdentifiant_de_l_etablissement", "Nom_etablissement",
            "Type_etablissement", "Statut_public_prive", "Adresse_1", "Code postal", "Code_commune", "Nom_commune",
            "Code_departement", "Code_academie", "Code_region", "Appartenance_Education_Prioritaire", "Nombre_d_eleves",
            "etat");
    private static final List<String> ROW_2023 = List.of("0350122T", "Ecole primaire publique les Lucioles", "Ecole",
            "Public", "6 rue PHILIPPE", "35580", "35016", "Baulon", "035", "14", "53", "", "143", "OUVERT");

    @Test
    void theCurrentExportHasAColumnForEveryField() {
        AnnuaireColumns columns = AnnuaireColumns.fromHeader(HEADER_2023);

        for (Field field : Field.values()) {
            assertThat(columns.has(field)).as("a column for %s", field).isTrue();
        }
        assertThat(columns.value(ROW_2023, Field.UAI)).as("UAI, after the BOM").hasValue("0350122T");
        assertThat(columns.value(ROW_2023, Field.POSTAL_CODE)).as("postal code, under 'Code postal'").hasValue("35580");
        assertThat(columns.value(ROW_2023, Field.PUPILS)).as("pupils").hasValue("143");
    }

    @Test
    void historicalSpellingsNameTheSameFields() {
        AnnuaireColumns columns = AnnuaireColumns.fromHeader(List.of("Code_UAI", "Appellation_officielle",
                "Libelle_commune", "Code_du_departement", "Code_de_l_academie", "Secteur", "Effectif", "Etat_etablissement"));
        List<String> row = List.of("0350122T", "Ecole les Lucioles", "Baulon", "035", "14", "Public", "143", "OUVERT");

        assertThat(columns.value(row, Field.UAI)).as("UAI under Code_UAI").hasValue("0350122T");
        assertThat(columns.value(row, Field.NAME)).as("name under Appellation_officielle").hasValue("Ecole les Lucioles");
        assertThat(columns.value(row, Field.COMMUNE_NAME)).as("commune under Libelle_commune").hasValue("Baulon");
        assertThat(columns.value(row, Field.DEPARTMENT)).as("département under Code_du_departement").hasValue("035");
        assertThat(columns.value(row, Field.ACADEMY)).as("académie under Code_de_l_academie").hasValue("14");
        assertThat(columns.value(row, Field.SECTOR)).as("sector under Secteur").hasValue("Public");
        assertThat(columns.value(row, Field.PUPILS)).as("pupils under Effectif").hasValue("143");
        assertThat(columns.value(row, Field.STATE)).as("state under Etat_etablissement").hasValue("OUVERT");
    }

    @Test
    void namesMatchWhateverTheirCaseAccentsOrPunctuation() {
        AnnuaireColumns columns = AnnuaireColumns.fromHeader(List.of("IDENTIFIANT DE L'ÉTABLISSEMENT", "nom-etablissement",
                "Nom commune", "code_Département", "Code_postal"));
        List<String> row = List.of("0350122T", "Ecole les Lucioles", "Baulon", "035", "35580");

        assertThat(columns.value(row, Field.UAI)).as("UAI").hasValue("0350122T");
        assertThat(columns.value(row, Field.NAME)).as("name").hasValue("Ecole les Lucioles");
        assertThat(columns.value(row, Field.DEPARTMENT)).as("département").hasValue("035");
        assertThat(columns.value(row, Field.POSTAL_CODE)).as("postal code under Code_postal").hasValue("35580");
    }

    @Test
    void columnsAreFoundWhateverTheirOrder() {
        AnnuaireColumns columns = AnnuaireColumns.fromHeader(List.of("Code_departement", "Nom_commune", "Nom_etablissement",
                "Identifiant_de_l_etablissement"));
        List<String> row = List.of("035", "Baulon", "Ecole les Lucioles", "0350122T");

        assertThat(columns.value(row, Field.UAI)).as("UAI, last column").hasValue("0350122T");
        assertThat(columns.value(row, Field.DEPARTMENT)).as("département, first column").hasValue("035");
    }

    @Test
    void whenTwoSpellingsArePresentTheCurrentNameWins() {
        AnnuaireColumns columns = AnnuaireColumns.fromHeader(List.of("Identifiant_de_l_etablissement", "Nom_etablissement",
                "Nom_commune", "Code_departement", "Secteur", "Statut_public_prive"));
        List<String> row = List.of("0350122T", "Lycée", "Rennes", "035", "Ancien", "Privé");

        assertThat(columns.value(row, Field.SECTOR)).as("sector, from Statut_public_prive rather than Secteur").hasValue("Privé");
    }

    @Test
    void aMissingOptionalColumnIsAbsentRatherThanEmpty() {
        AnnuaireColumns columns = AnnuaireColumns.fromHeader(List.of("Identifiant_de_l_etablissement", "Nom_etablissement",
                "Nom_commune", "Code_departement"));

        assertThat(columns.has(Field.PUPILS)).as("a column for pupils").isFalse();
        assertThat(columns.has(Field.EDUCATION_PRIORITY)).as("a column for education priority").isFalse();
        assertThat(columns.value(List.of("0350122T", "Ecole", "Baulon", "035"), Field.PUPILS)).as("pupils").isEmpty();
    }

    @Test
    void aMissingRequiredColumnIsRefusedNamingItAndItsOtherNames() {
        assertThatThrownBy(() -> AnnuaireColumns.fromHeader(List.of("Identifiant_de_l_etablissement", "Nom_etablissement",
                "Code_departement"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the header has no Nom_commune column (nor Libelle_commune, Commune)");
        assertThatThrownBy(() -> AnnuaireColumns.fromHeader(List.of("name", "city")))
                .hasMessageContaining("Identifiant_de_l_etablissement");
    }

    @Test
    void valuesAreTrimmedAndBlankOrMissingOnesAreEmpty() {
        AnnuaireColumns columns = AnnuaireColumns.fromHeader(HEADER_2023);

        assertThat(columns.value(List.of(" 0350122T "), Field.UAI)).as("UAI with spaces").hasValue("0350122T");
        assertThat(columns.value(ROW_2023, Field.EDUCATION_PRIORITY)).as("empty education priority").isEmpty();
        assertThat(columns.value(List.of("0350122T", "Ecole"), Field.COMMUNE_NAME)).as("commune of a short row").isEmpty();
    }
}
