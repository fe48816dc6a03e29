package fr.antiharcelement.school.domain.annuaire;

import fr.antiharcelement.kernel.RuleBrokenException;
import fr.antiharcelement.school.domain.EducationPriority;
import fr.antiharcelement.school.domain.Geography;
import fr.antiharcelement.school.domain.School;
import fr.antiharcelement.school.domain.SchoolStatus;
import fr.antiharcelement.school.domain.SchoolType;
import fr.antiharcelement.school.domain.Sector;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AnnuaireRowReaderTest {

    private static final Geography GEOGRAPHY = new Geography();
    private static final List<String> HEADER = List.of("Identifiant_de_l_etablissement", "Nom_etablissement",
            "Type_etablissement", "Statut_public_prive", "Code postal", "Code_commune", "Nom_commune", "Code_departement",
            "Code_academie", "Code_region", "Appartenance_Education_Prioritaire", "Nombre_d_eleves", "etat");
    /** The header of an export that has dropped its optional columns but the sector. */
    private static final List<String> SHORT_HEADER = List.of("Identifiant_de_l_etablissement", "Nom_etablissement",
            "Statut_public_prive", "Nom_commune", "Code_departement");

    private final AnnuaireRowReader reader = new AnnuaireRowReader(AnnuaireColumns.fromHeader(HEADER), GEOGRAPHY);

    @Test
    void aRowOfTheMinistrysExportGivesItsSchool() {
        School.Details details = reader.validDetails(row(Map.of()));

        assertThat(details.name()).as("name").isEqualTo("Collège Anne de Bretagne");
        assertThat(details.type()).as("type").isEqualTo(SchoolType.COLLEGE);
        assertThat(details.sector()).as("sector").isEqualTo(Sector.PUBLIC);
        assertThat(details.communeCode()).as("commune code").isEqualTo("35238");
        assertThat(details.communeName()).as("commune name").isEqualTo("Rennes");
        assertThat(details.postalCode()).as("postal code").isEqualTo("35000");
        assertThat(details.placement().academy().name()).as("académie").isEqualTo("Rennes");
        assertThat(details.educationPriority()).as("education priority").isEqualTo(EducationPriority.REP_PLUS);
        assertThat(details.pupils()).as("pupils").isEqualTo(612);
        assertThat(details.status()).as("status").isEqualTo(SchoolStatus.OPEN);
    }

    @Test
    void theUaiIsNormalisedAndAnnexesAreToldByTheirName() {
        List<String> annex = row(Map.of("Identifiant_de_l_etablissement", " 0350122t ", "Nom_etablissement",
                "Lycée Chateaubriand - Annexe"));

        assertThat(reader.uai(annex)).as("UAI").isEqualTo("0350122T");
        assertThat(reader.annex(annex)).as("an annex by its name").isTrue();
        assertThat(reader.annex(row(Map.of()))).as("a main site").isFalse();
        assertThat(reader.uai(row(Map.of("Identifiant_de_l_etablissement", "")))).as("no UAI").isEmpty();
    }

    @Test
    void typeLabelsAreReadWithoutCaseOrAccents() {
        assertThat(AnnuaireRowReader.type("Ecole")).as("Ecole").isEqualTo(SchoolType.ECOLE);
        assertThat(AnnuaireRowReader.type("COLLÈGE")).as("COLLÈGE").isEqualTo(SchoolType.COLLEGE);
        assertThat(AnnuaireRowReader.type("Lycée")).as("Lycée").isEqualTo(SchoolType.LYCEE);
        assertThat(AnnuaireRowReader.type("EREA")).as("EREA").isEqualTo(SchoolType.EREA);
        assertThat(AnnuaireRowReader.type("Médico-social")).as("Médico-social").isEqualTo(SchoolType.MEDICO_SOCIAL);
        assertThat(AnnuaireRowReader.type("Service Administratif")).as("Service Administratif")
                .isEqualTo(SchoolType.ADMINISTRATION);
        assertThat(AnnuaireRowReader.type("Information et orientation")).as("Information et orientation")
                .isEqualTo(SchoolType.INFORMATION_ORIENTATION);
        assertThat(AnnuaireRowReader.type("Château")).as("an unknown label").isEqualTo(SchoolType.OTHER);
    }

    @Test
    void sectorAndPriorityLabelsAreReadAndAnythingElseIsNone() {
        assertThat(AnnuaireRowReader.sector("Privé")).as("Privé").isEqualTo(Sector.PRIVATE);
        assertThat(AnnuaireRowReader.sector("public")).as("public").isEqualTo(Sector.PUBLIC);
        assertThat(AnnuaireRowReader.sector("")).as("no sector, as for administrative services").isNull();
        assertThat(AnnuaireRowReader.priority(" rep ")).as("rep").isEqualTo(EducationPriority.REP);
        assertThat(AnnuaireRowReader.priority("REP+")).as("REP+").isEqualTo(EducationPriority.REP_PLUS);
        assertThat(AnnuaireRowReader.priority("")).as("no priority").isEqualTo(EducationPriority.NONE);
    }

    @Test
    void onlyAClosedStateClosesTheSchool() {
        assertThat(reader.validDetails(row(Map.of("etat", "FERMÉ"))).status()).as("FERMÉ").isEqualTo(SchoolStatus.CLOSED);
        assertThat(reader.validDetails(row(Map.of("etat", "A FERMER"))).status()).as("A FERMER").isEqualTo(SchoolStatus.OPEN);
        assertThat(reader.validDetails(row(Map.of("etat", ""))).status()).as("no state").isEqualTo(SchoolStatus.OPEN);
    }

    @Test
    void aPupilCountMustBeANonNegativeNumber() {
        assertThat(reader.validDetails(row(Map.of("Nombre_d_eleves", ""))).pupils()).as("no pupil count").isNull();
        assertThatThrownBy(() -> reader.validDetails(row(Map.of("Nombre_d_eleves", "-3"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("negative pupil count -3");
        assertThatThrownBy(() -> reader.validDetails(row(Map.of("Nombre_d_eleves", "beaucoup"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("pupil count is not a number: beaucoup");
    }

    @Test
    void aRowWithoutNameCommuneOrDepartementIsRefusedSayingWhich() {
        assertThatThrownBy(() -> reader.validDetails(row(Map.of("Nom_etablissement", " "))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no school name");
        assertThatThrownBy(() -> reader.validDetails(row(Map.of("Nom_commune", ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no commune name");
        assertThatThrownBy(() -> reader.validDetails(row(Map.of("Code_departement", ""))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no département code");
    }

    @Test
    void aRowPlacedAgainstTheReferenceGeographyBreaksItsRule() {
        assertThatThrownBy(() -> reader.validDetails(row(Map.of("Code_academie", "01"))))
                .isInstanceOf(RuleBrokenException.class).hasMessageContaining("belongs to académie 14");
        assertThatThrownBy(() -> reader.validDetails(row(Map.of("Code_departement", "999"))))
                .isInstanceOf(RuleBrokenException.class).hasMessage("Unknown département code 999");
    }

    @Test
    void aFieldTheDatabaseCannotStoreIsRefused() {
        assertThatThrownBy(() -> reader.validDetails(row(Map.of("Code postal", "35\u00000"))))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("a field must not contain the NUL character");
    }

    @Test
    void whereTheExportHasNoColumnTheStoredValueStays() {
        School stored = School.register("0350122T", reader.validDetails(row(Map.of("etat", "FERMÉ"))),
                OffsetDateTime.parse("2024-09-02T08:00:00+02:00"));
        AnnuaireRowReader shortExport = new AnnuaireRowReader(AnnuaireColumns.fromHeader(SHORT_HEADER), GEOGRAPHY);
        List<String> shortRow = List.of("0350122T", "Collège Anne de Bretagne", "Privé", "Rennes", "035");

        School.Details details = shortExport.details(shortRow, stored);

        assertThat(details.type()).as("type, no column").isEqualTo(SchoolType.COLLEGE);
        assertThat(details.communeCode()).as("commune code, no column").isEqualTo("35238");
        assertThat(details.postalCode()).as("postal code, no column").isEqualTo("35000");
        assertThat(details.educationPriority()).as("education priority, no column").isEqualTo(EducationPriority.REP_PLUS);
        assertThat(details.pupils()).as("pupils, no column").isEqualTo(612);
        assertThat(details.status()).as("status, no column").isEqualTo(SchoolStatus.CLOSED);
        assertThat(details.sector()).as("sector, from its column").isEqualTo(Sector.PRIVATE);
    }

    /** An import stages each row as the school it registers, and reads that back for a school that exists. */
    @Test
    void aStagedRegistrationGivesAnExistingSchoolTheSameDetailsAsItsRow() {
        OffsetDateTime registered = OffsetDateTime.parse("2024-09-02T08:00:00+02:00");
        School stored = School.register("0350122T", reader.validDetails(row(Map.of("etat", "FERMÉ"))), registered);
        AnnuaireRowReader shortExport = new AnnuaireRowReader(AnnuaireColumns.fromHeader(SHORT_HEADER), GEOGRAPHY);
        List<String> shortRow = List.of("0350122T", "Collège Anne de Bretagne", "Privé", "Rennes", "035");
        List<String> fullRow = row(Map.of("Nombre_d_eleves", "", "Statut_public_prive", "Privé", "Code postal", "35700"));

        School shortStaged = School.register("0350122T", shortExport.validDetails(shortRow), registered.plusYears(1));
        School fullStaged = School.register("0350122T", reader.validDetails(fullRow), registered.plusYears(1));

        assertThat(shortExport.details(shortStaged, stored)).as("an export without most columns")
                .isEqualTo(shortExport.details(shortRow, stored));
        assertThat(reader.details(fullStaged, stored)).as("an export with every column")
                .isEqualTo(reader.details(fullRow, stored));
        assertThat(shortExport.details(shortStaged, null)).as("no school yet: the registration's own")
                .isEqualTo(shortExport.details(shortRow, null));
    }

    @Test
    void aNewSchoolOfAnExportWithoutAColumnGetsItsDefault() {
        AnnuaireRowReader shortExport = new AnnuaireRowReader(AnnuaireColumns.fromHeader(SHORT_HEADER), GEOGRAPHY);

        School.Details details = shortExport.validDetails(List.of("0350122T", "Collège Anne de Bretagne", "Public", "Rennes", "035"));

        assertThat(details.type()).as("type").isEqualTo(SchoolType.OTHER);
        assertThat(details.pupils()).as("pupils").isNull();
        assertThat(details.educationPriority()).as("education priority").isEqualTo(EducationPriority.NONE);
        assertThat(details.status()).as("status").isEqualTo(SchoolStatus.OPEN);
    }

    @Test
    void anEmptyValueInAColumnTheExportHasReplacesTheStoredOne() {
        School stored = School.register("0350122T", reader.validDetails(row(Map.of())), OffsetDateTime.parse("2024-09-02T08:00:00+02:00"));

        School.Details details = reader.details(row(Map.of("Nombre_d_eleves", "", "Appartenance_Education_Prioritaire", "")), stored);

        assertThat(details.pupils()).as("pupils, emptied").isNull();
        assertThat(details.educationPriority()).as("education priority, emptied").isEqualTo(EducationPriority.NONE);
    }

    /** A row of {@link #HEADER}: a collège in Rennes, with {@code values} overriding columns by name. */
    private static List<String> row(Map<String, String> values) {
        Map<String, String> row = new LinkedHashMap<>(Map.ofEntries(Map.entry("Identifiant_de_l_etablissement", "0350122T"),
                Map.entry("Nom_etablissement", "Collège Anne de Bretagne"), Map.entry("Type_etablissement", "Collège"),
                Map.entry("Statut_public_prive", "Public"), Map.entry("Code postal", "35000"),
                Map.entry("Code_commune", "35238"), Map.entry("Nom_commune", "Rennes"), Map.entry("Code_departement", "035"),
                Map.entry("Code_academie", "14"), Map.entry("Code_region", "53"),
                Map.entry("Appartenance_Education_Prioritaire", "REP+"), Map.entry("Nombre_d_eleves", "612"),
                Map.entry("etat", "OUVERT")));
        row.putAll(values);
        List<String> fields = new ArrayList<>();
        HEADER.forEach(column -> fields.add(row.get(column)));
        return fields;
    }
}
