package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.RuleBrokenException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** A campaign's period: set by staff, in French days, and what falls inside it. */
class CampaignTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2021-06-01T09:00:00+02:00");

    @Test
    void aCampaignCoversWorkshopsFromItsFirstDayToItsLastDay() {
        Campaign campaign = schoolYear();

        assertThat(campaign.covers(at("2021-09-01T08:00:00+02:00"), at("2021-09-01T10:00:00+02:00")))
                .as("a workshop on the first day").isTrue();
        assertThat(campaign.covers(at("2022-06-30T16:00:00+02:00"), at("2022-06-30T18:00:00+02:00")))
                .as("a workshop on the last day").isTrue();
        assertThat(campaign.covers(at("2021-08-31T16:00:00+02:00"), at("2021-08-31T18:00:00+02:00")))
                .as("a workshop the day before the first").isFalse();
        assertThat(campaign.covers(at("2022-07-01T08:00:00+02:00"), at("2022-07-01T10:00:00+02:00")))
                .as("a workshop the day after the last").isFalse();
    }

    @Test
    void theDaysAreFrenchDaysWhateverTheOffsetOfTheTimes() {
        Campaign campaign = schoolYear();

        assertThat(campaign.covers(at("2021-08-31T22:30:00Z"), at("2021-08-31T23:30:00Z")))
                .as("a workshop at 00:30 in Paris on the first day, given in UTC on the day before").isTrue();
        assertThat(campaign.covers(at("2022-06-30T21:30:00Z"), at("2022-06-30T22:30:00Z")))
                .as("a workshop ending at 00:30 in Paris after the last day, given in UTC on the last day").isFalse();
    }

    @Test
    void aWorkshopStartingInsideButEndingAfterTheLastDayIsNotCovered() {
        assertThat(schoolYear().covers(at("2022-06-30T20:00:00+02:00"), at("2022-07-01T01:00:00+02:00")))
                .as("a workshop running past midnight after the last day").isFalse();
    }

    @Test
    void aDefinitionSetsTheNamePeriodTargetsAndTime() {
        Campaign campaign = new Campaign();
        campaign.define(new CampaignDefinition("#LePoidsDesMots", LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 1),
                70_000, null, 1_800, 200, 300), NOW);

        assertThat(campaign).as("a one-day campaign just defined")
                .extracting(c -> c.name, c -> c.startsOn, c -> c.endsOn, c -> c.targetStudents, c -> c.targetParents,
                        c -> c.targetStudentWorkshops, c -> c.targetParentWorkshops, c -> c.targetSchools, c -> c.updatedAt)
                .containsExactly("#LePoidsDesMots", LocalDate.of(2021, 9, 1), LocalDate.of(2021, 9, 1), 70_000, null, 1_800,
                        200, 300, NOW);
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefusedAndChangesNothing() {
        Campaign campaign = schoolYear();

        assertThatExceptionOfType(RuleBrokenException.class).as("a campaign redefined to end before it starts")
                .isThrownBy(() -> campaign.define(new CampaignDefinition("Backwards", LocalDate.of(2021, 9, 1),
                        LocalDate.of(2021, 1, 1), 1, null, 1, 1, 1), NOW))
                .withMessage("The campaign ends (2021-01-01) before it starts (2021-09-01)");
        assertThat(campaign).as("the campaign after a refused definition")
                .extracting(c -> c.name, c -> c.endsOn, c -> c.updatedAt)
                .containsExactly("#LePoidsDesMots", LocalDate.of(2022, 6, 30), null);
    }

    @Test
    void aCampaignSpansAtMostFiveYears() {
        Campaign campaign = schoolYear();

        assertThatExceptionOfType(RuleBrokenException.class).as("a campaign ending on 9999-12-31")
                .isThrownBy(() -> campaign.define(new CampaignDefinition("Forever", LocalDate.of(2021, 9, 1),
                        LocalDate.of(9999, 12, 31), 1, null, 1, 1, 1), NOW))
                .withMessage("A campaign spans at most 5 years; this one runs from 2021-09-01 to 9999-12-31");
        assertThatExceptionOfType(RuleBrokenException.class).as("a campaign one day over five years")
                .isThrownBy(() -> campaign.define(new CampaignDefinition("Long", LocalDate.of(2021, 9, 1),
                        LocalDate.of(2026, 9, 2), 1, null, 1, 1, 1), NOW));
        campaign.define(new CampaignDefinition("Five years", LocalDate.of(2021, 9, 1), LocalDate.of(2026, 9, 1), 1, null, 1, 1, 1), NOW);
        assertThat(campaign.endsOn).as("the end of a campaign of exactly five years").isEqualTo(LocalDate.of(2026, 9, 1));
    }

    @Test
    void pupilWorkshopsAreForCollegesUnlessTheCampaignSaysOtherwise() {
        Campaign campaign = schoolYear();
        campaign.define(new CampaignDefinition("Default", LocalDate.of(2021, 9, 1), LocalDate.of(2022, 6, 30), 1, null, 1, 1, 1), NOW);
        assertThat(campaign.allowsStudentsAt("COLLEGE")).as("a collège, by default").isTrue();
        assertThat(campaign.allowsStudentsAt("LYCEE")).as("a lycée, by default").isFalse();
        assertThat(campaign.allowsStudentsAt("ECOLE")).as("an école, by default").isFalse();

        campaign.define(new CampaignDefinition("Wider", LocalDate.of(2021, 9, 1), LocalDate.of(2022, 6, 30), 1, null, 1, 1, 1,
                OnlineTargets.NONE, java.util.Set.of(SchoolType.LYCEE, SchoolType.COLLEGE)), NOW);
        assertThat(campaign.studentSchoolTypes).as("types stored").isEqualTo("COLLEGE,LYCEE");
        assertThat(campaign.allowsStudentsAt("LYCEE")).as("a lycée, once allowed").isTrue();
        assertThat(campaign.allowsStudentsAt("EREA")).as("an EREA, not allowed").isFalse();
    }

    /** The 2021-2022 school year, never changed since it was built. */
    private static Campaign schoolYear() {
        Campaign campaign = new Campaign();
        campaign.code = "lpdm-2021";
        campaign.name = "#LePoidsDesMots";
        campaign.startsOn = LocalDate.of(2021, 9, 1);
        campaign.endsOn = LocalDate.of(2022, 6, 30);
        return campaign;
    }

    private static OffsetDateTime at(String time) {
        return OffsetDateTime.parse(time);
    }
}
