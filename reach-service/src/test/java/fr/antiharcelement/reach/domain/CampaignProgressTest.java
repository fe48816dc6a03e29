package fr.antiharcelement.reach.domain;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

/** Progress towards a 2021-2022 campaign's targets (303 days, from 1 September to 30 June), and the pace to keep. */
class CampaignProgressTest {

    private static final CampaignState CAMPAIGN = new CampaignState("2021-2022", "Campagne 2021-2022", LocalDate.of(2021, 9, 1),
            LocalDate.of(2022, 6, 30), 5000, null, 1800, 0, 300);
    private static final CampaignReach.Targets TARGETS = new CampaignReach.Targets(CAMPAIGN.targetStudents(),
            CAMPAIGN.targetParents(), CAMPAIGN.targetStudentWorkshops(), CAMPAIGN.targetParentWorkshops(), CAMPAIGN.targetSchools());

    @Test
    void progressIsThePercentOfEachTargetReachedToOneDecimal() {
        CampaignReach.Progress progress = at("2021-11-15T10:00:00Z").progress(totals(250, 12, 2, 1, 2), TARGETS);

        assertThat(progress.studentsSensitised()).as("percent of the students target (250 of 5000)").isEqualTo(5.0);
        assertThat(progress.studentWorkshops()).as("percent of the student workshops target (2 of 1800)").isEqualTo(0.1);
        assertThat(progress.schools()).as("percent of the schools target (2 of 300)").isEqualTo(0.7);
        assertThat(progress.parentsSensitised()).as("percent of the parents target, which there is none of").isNull();
        assertThat(progress.parentWorkshops()).as("percent of a parent workshops target of 0").isNull();
    }

    @Test
    void midCampaignThePaceNeededSpreadsWhatRemainsOverTheDaysLeft() {
        CampaignReach.Pace pace = at("2021-11-15T10:00:00Z").pace(totals(760, 0, 30, 0, 12), TARGETS, CAMPAIGN);

        assertThat(pace.studentsSensitised().soFarPerDay()).as("students sensitised per day so far (760 over 76 days)")
                .isEqualTo(10.0);
        assertThat(pace.studentsSensitised().neededPerDay()).as("students to sensitise per day (4240 over the 228 days left)")
                .isEqualTo(18.6);
        assertThat(pace.schools().neededPerDay()).as("schools to reach per day (288 over 228 days)").isEqualTo(1.26);
        assertThat(pace.parentsSensitised().neededPerDay()).as("parents to sensitise per day, without a target").isNull();
        assertThat(pace.parentsSensitised().soFarPerDay()).as("parents sensitised per day so far").isZero();
    }

    @Test
    void todayIsTheDayInFranceNotInUtc() {
        CampaignReach.Pace pace = at("2021-11-14T23:30:00Z").pace(totals(760, 0, 0, 0, 0), TARGETS, CAMPAIGN);

        assertThat(pace.studentsSensitised().soFarPerDay()).as("students sensitised per day so far, on 15 November in Paris")
                .isEqualTo(10.0);
    }

    @Test
    void beforeTheStartNothingIsDoneYetAndTheWholeCampaignRemains() {
        CampaignReach.Pace pace = at("2021-08-20T10:00:00Z").pace(totals(0, 0, 0, 0, 0), TARGETS, CAMPAIGN);

        assertThat(pace.studentsSensitised().soFarPerDay()).as("students sensitised per day so far").isZero();
        assertThat(pace.studentsSensitised().neededPerDay()).as("students to sensitise per day (5000 over 303 days)").isEqualTo(16.5);
    }

    @Test
    void afterTheEndNothingMoreIsNeededAndThePaceSoFarIsOverTheWholeCampaign() {
        CampaignReach.Pace pace = at("2022-09-01T10:00:00Z").pace(totals(50, 0, 2, 0, 2), TARGETS, CAMPAIGN);

        assertThat(pace.studentsSensitised().neededPerDay()).as("students to sensitise per day once it has ended").isNull();
        assertThat(pace.studentsSensitised().soFarPerDay()).as("students sensitised per day (50 over 303 days)").isEqualTo(0.17);
    }

    @Test
    void aTargetAlreadyReachedNeedsNothingMore() {
        CampaignReach.Pace pace = at("2021-11-15T10:00:00Z").pace(totals(6000, 0, 0, 0, 0), TARGETS, CAMPAIGN);

        assertThat(pace.studentsSensitised().neededPerDay()).as("students to sensitise per day past the target").isZero();
    }

    private static CampaignProgress at(String instant) {
        return new CampaignProgress(Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static CampaignReach.Totals totals(long students, long parents, long studentWorkshops, long parentWorkshops,
                                               long schools) {
        return new CampaignReach.Totals(students, parents, studentWorkshops, parentWorkshops, 0, schools);
    }
}
