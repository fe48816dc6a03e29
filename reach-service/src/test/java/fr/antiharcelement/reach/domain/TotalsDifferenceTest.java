package fr.antiharcelement.reach.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static fr.antiharcelement.reach.domain.Contribution.Dimension.AUDIENCE;
import static fr.antiharcelement.reach.domain.Contribution.Dimension.CAMPAIGN;
import static fr.antiharcelement.reach.domain.Contribution.Dimension.CLASS_LEVEL;
import static fr.antiharcelement.reach.domain.Contribution.Dimension.DAY;
import static fr.antiharcelement.reach.domain.Contribution.Dimension.MONTH;
import static fr.antiharcelement.reach.domain.Contribution.Dimension.PARTNER;
import static fr.antiharcelement.reach.domain.Contribution.Dimension.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;

/** What replacing a workshop's contribution does to the running totals and to the schools reached, key by key. */
class TotalsDifferenceTest {

    private static final String CAMPAIGN_CODE = "2021-2022";
    private static final String RENNES = "0350001A";
    private static final String NANTES = "0440001B";
    private static final String OCTOBER_12 = "2021-10-12T10:00:00+02:00";
    private static final UUID WORKSHOP = UUID.randomUUID();

    @Test
    void aNewCompletedWorkshopAddsItsAttendeesAndOneWorkshopUnderEachOfItsKeys() {
        TotalsDifference difference = new TotalsDifference();
        difference.replace(null, completed(RENNES, OCTOBER_12, 28, 2));

        for (Contribution.Key key : keysOf(RENNES, "2021-10-12")) {
            Counters counters = under(difference, key);
            assertThat(counters.students).as("students sensitised under %s", key).isEqualTo(28);
            assertThat(counters.studentWorkshops).as("student workshops delivered under %s", key).isEqualTo(1);
            assertThat(counters.parents).as("parents sensitised under %s", key).isZero();
            assertThat(counters.parentWorkshops).as("parent workshops delivered under %s", key).isZero();
            assertThat(counters.scheduledWorkshops).as("workshops scheduled under %s", key).isZero();
        }
        assertThat(difference.delivered()).as("completed workshops added per school and key: partner, month")
                .hasSize(2).containsEntry(school(PARTNER, "p1"), 1L).containsEntry(school(MONTH, "2021-10"), 1L)
                .doesNotContainKey(school(CLASS_LEVEL, "SIXIEME")).doesNotContainKey(school(DAY, "2021-10-12"))
                .doesNotContainKey(school(SCHOOL, RENNES)).doesNotContainKey(school(CAMPAIGN, CAMPAIGN_CODE))
                .doesNotContainKey(school(AUDIENCE, "STUDENTS"));
        assertThat(difference.schoolTotals()).as("what goes to the schools' rows of the totals").containsOnlyKeys(key(SCHOOL, RENNES));
        assertThat(difference.otherTotals()).as("what goes to the other rows").hasSize(6).doesNotContainKey(key(SCHOOL, RENNES));
    }

    @Test
    void aParentsWorkshopCountsParentsNotStudents() {
        TotalsDifference difference = new TotalsDifference();
        difference.replace(null, state(RENNES, "PARENTS", OCTOBER_12, "COMPLETED", 12, 2).contribution());

        Counters campaign = under(difference, key(CAMPAIGN, CAMPAIGN_CODE));
        assertThat(campaign.parents).as("parents sensitised").isEqualTo(12);
        assertThat(campaign.parentWorkshops).as("parent workshops delivered").isEqualTo(1);
        assertThat(campaign.students).as("students sensitised").isZero();
        assertThat(campaign.studentWorkshops).as("student workshops delivered").isZero();
    }

    @Test
    void aCorrectedHeadcountSubtractsTheOldOneAndAddsTheNew() {
        TotalsDifference difference = new TotalsDifference();
        difference.replace(completed(RENNES, OCTOBER_12, 28, 2), completed(RENNES, OCTOBER_12, 25, 3));

        Counters campaign = under(difference, key(CAMPAIGN, CAMPAIGN_CODE));
        assertThat(campaign.students).as("students sensitised: 25 instead of 28").isEqualTo(-3);
        assertThat(campaign.studentWorkshops).as("student workshops delivered: still the one").isZero();
        assertThat(difference.delivered().get(school(PARTNER, "p1"))).as("completed workshops added at the school").isZero();
    }

    @Test
    void completingAScheduledWorkshopMovesItFromScheduledToDelivered() {
        TotalsDifference difference = new TotalsDifference();
        difference.replace(state(RENNES, "STUDENTS", OCTOBER_12, "SCHEDULED", 0, 1).contribution(), completed(RENNES, OCTOBER_12, 28, 2));

        Counters campaign = under(difference, key(CAMPAIGN, CAMPAIGN_CODE));
        assertThat(campaign.scheduledWorkshops).as("workshops scheduled").isEqualTo(-1);
        assertThat(campaign.studentWorkshops).as("student workshops delivered").isEqualTo(1);
        assertThat(campaign.students).as("students sensitised").isEqualTo(28);
    }

    @Test
    void aCancellationContributesZero() {
        Contribution cancelled = state(RENNES, "STUDENTS", OCTOBER_12, "CANCELLED", 28, 3).contribution();
        TotalsDifference fresh = new TotalsDifference();
        fresh.replace(null, cancelled);
        assertThat(fresh.totals().values()).as("what a cancelled workshop adds under each key")
                .allSatisfy(byCampaign -> assertThat(byCampaign.get(CAMPAIGN_CODE).isZero()).as("nothing").isTrue());

        TotalsDifference difference = new TotalsDifference();
        difference.replace(completed(RENNES, OCTOBER_12, 28, 2), cancelled);
        Counters campaign = under(difference, key(CAMPAIGN, CAMPAIGN_CODE));
        assertThat(campaign.students).as("students sensitised: the 28 taken back").isEqualTo(-28);
        assertThat(campaign.studentWorkshops).as("student workshops delivered: the one taken back").isEqualTo(-1);
        assertThat(campaign.scheduledWorkshops).as("workshops scheduled").isZero();
        assertThat(difference.delivered().get(school(PARTNER, "p1"))).as("completed workshops at the school").isEqualTo(-1);
    }

    @Test
    void aWorkshopMovedToAnotherSchoolMovesItsContribution() {
        TotalsDifference difference = new TotalsDifference();
        difference.replace(completed(RENNES, OCTOBER_12, 28, 2), completed(NANTES, OCTOBER_12, 28, 3));

        assertThat(under(difference, key(SCHOOL, RENNES)).students).as("students sensitised at the school it left").isEqualTo(-28);
        assertThat(under(difference, key(SCHOOL, NANTES)).students).as("students sensitised at the school it moved to").isEqualTo(28);
        assertThat(under(difference, key(SCHOOL, RENNES)).studentWorkshops).as("workshops delivered at the school it left").isEqualTo(-1);
        assertThat(under(difference, key(SCHOOL, NANTES)).studentWorkshops).as("workshops delivered at the school it moved to").isEqualTo(1);
        assertThat(under(difference, key(CAMPAIGN, CAMPAIGN_CODE)).isZero()).as("the campaign's totals are unchanged").isTrue();
        assertThat(difference.delivered().get(school(PARTNER, "p1"))).as("completed workshops at the school it left").isEqualTo(-1);
        SchoolKey nantes = new SchoolKey(CAMPAIGN_CODE, key(PARTNER, "p1"), NANTES);
        assertThat(difference.delivered().get(nantes)).as("completed workshops at the school it moved to").isEqualTo(1);
    }

    @Test
    void aWorkshopMovedToAnotherDateMovesItsContributionBetweenMonthsAndDays() {
        TotalsDifference difference = new TotalsDifference();
        difference.replace(completed(RENNES, OCTOBER_12, 28, 2), completed(RENNES, "2021-11-16T10:00:00+01:00", 28, 3));

        assertThat(under(difference, key(MONTH, "2021-10")).students).as("students sensitised in the month it left").isEqualTo(-28);
        assertThat(under(difference, key(MONTH, "2021-11")).students).as("students sensitised in the month it moved to").isEqualTo(28);
        assertThat(under(difference, key(DAY, "2021-10-12")).studentWorkshops).as("workshops delivered on the day it left").isEqualTo(-1);
        assertThat(under(difference, key(DAY, "2021-11-16")).studentWorkshops).as("workshops delivered on the day it moved to").isEqualTo(1);
        assertThat(under(difference, key(SCHOOL, RENNES)).isZero()).as("the school's totals are unchanged").isTrue();
    }

    @Test
    void aWorkshopCountsOnTheFrenchDayItStarts() {
        Contribution lateEvening = completed(RENNES, "2021-10-12T22:30:00Z", 28, 2);

        assertThat(lateEvening.day()).as("the day of a workshop starting at 00:30 in Paris").isEqualTo(LocalDate.of(2021, 10, 13));
    }

    @Test
    void aSchoolBecomesReachedWhenItsDeliveredCountLeavesZero() {
        TotalsDifference difference = new TotalsDifference();
        difference.replace(null, completed(RENNES, OCTOBER_12, 28, 2));
        difference.countSchoolsReached(Map.of(school(PARTNER, "p1"), 1L));
        difference.countSchoolsReachedFromTheirRows(Map.of(schoolRow(RENNES), students(1)));

        assertThat(under(difference, key(PARTNER, "p1")).schools).as("schools reached under the partner").isEqualTo(1);
        assertThat(under(difference, key(CAMPAIGN, CAMPAIGN_CODE)).schools).as("schools reached in the campaign").isEqualTo(1);
    }

    @Test
    void aSchoolStopsBeingReachedWhenItsDeliveredCountComesBackToZero() {
        TotalsDifference difference = new TotalsDifference();
        difference.replace(completed(RENNES, OCTOBER_12, 28, 2), state(RENNES, "STUDENTS", OCTOBER_12, "CANCELLED", 28, 3).contribution());
        difference.countSchoolsReached(Map.of(school(PARTNER, "p1"), 0L));
        difference.countSchoolsReachedFromTheirRows(Map.of(schoolRow(RENNES), students(0)));

        assertThat(under(difference, key(PARTNER, "p1")).schools).as("schools reached under the partner").isEqualTo(-1);
        assertThat(under(difference, key(CAMPAIGN, CAMPAIGN_CODE)).schools).as("schools reached in the campaign").isEqualTo(-1);
    }

    @Test
    void aSchoolAlreadyReachedIsNotCountedAgain() {
        TotalsDifference difference = new TotalsDifference();
        difference.replace(null, completed(RENNES, OCTOBER_12, 28, 2));
        difference.countSchoolsReachedFromTheirRows(Map.of(schoolRow(RENNES), students(3)));

        assertThat(under(difference, key(CAMPAIGN, CAMPAIGN_CODE)).schools).as("schools reached in the campaign").isZero();
    }

    @Test
    void aSchoolStillReachedAfterOneOfItsWorkshopsIsCancelledStaysCounted() {
        TotalsDifference difference = new TotalsDifference();
        difference.replace(completed(RENNES, OCTOBER_12, 28, 2), state(RENNES, "STUDENTS", OCTOBER_12, "CANCELLED", 28, 3).contribution());
        difference.countSchoolsReachedFromTheirRows(Map.of(schoolRow(RENNES), students(2)));

        assertThat(under(difference, key(CAMPAIGN, CAMPAIGN_CODE)).schools).as("schools reached in the campaign").isZero();
    }

    @Test
    void aWorkshopMovedFromItsSchoolsOnlyOneToAnotherSchoolMovesTheReachedSchool() {
        TotalsDifference difference = new TotalsDifference();
        difference.replace(completed(RENNES, OCTOBER_12, 28, 2), completed(NANTES, OCTOBER_12, 28, 3));
        difference.countSchoolsReachedFromTheirRows(Map.of(schoolRow(RENNES), students(0), schoolRow(NANTES), students(1)));

        assertThat(under(difference, key(CAMPAIGN, CAMPAIGN_CODE)).schools).as("schools reached in the campaign: one left, one came")
                .isZero();

        TotalsDifference toAReachedSchool = new TotalsDifference();
        toAReachedSchool.replace(completed(RENNES, OCTOBER_12, 28, 2), completed(NANTES, OCTOBER_12, 28, 3));
        toAReachedSchool.countSchoolsReachedFromTheirRows(Map.of(schoolRow(RENNES), students(0), schoolRow(NANTES), students(4)));

        assertThat(under(toAReachedSchool, key(CAMPAIGN, CAMPAIGN_CODE)).schools)
                .as("schools reached in the campaign: one left, the other was reached already").isEqualTo(-1);
    }

    @Test
    void aSchoolIsReachedForAnAudienceWhileItsRowHasCompletedWorkshopsForThatAudience() {
        TotalsDifference firstParents = new TotalsDifference();
        firstParents.replace(null, state(RENNES, "PARENTS", OCTOBER_12, "COMPLETED", 12, 2).contribution());
        firstParents.countSchoolsReachedFromTheirRows(Map.of(schoolRow(RENNES), new CompletedWorkshops(5, 1, List.of(5L, 0L, 0L, 0L, 1L))));

        assertThat(under(firstParents, key(AUDIENCE, "PARENTS")).schools).as("schools reached with parents: its first").isEqualTo(1);
        assertThat(under(firstParents, key(AUDIENCE, "STUDENTS")).schools).as("schools reached with students: already").isZero();
        assertThat(under(firstParents, key(CAMPAIGN, CAMPAIGN_CODE)).schools).as("schools reached in the campaign: already").isZero();

        TotalsDifference lastStudents = new TotalsDifference();
        lastStudents.replace(completed(RENNES, OCTOBER_12, 28, 2), state(RENNES, "STUDENTS", OCTOBER_12, "CANCELLED", 28, 3).contribution());
        lastStudents.countSchoolsReachedFromTheirRows(Map.of(schoolRow(RENNES), new CompletedWorkshops(0, 1, List.of(0L, 0L, 0L, 0L, 1L))));

        assertThat(under(lastStudents, key(AUDIENCE, "STUDENTS")).schools).as("schools reached with students: no longer").isEqualTo(-1);
        assertThat(under(lastStudents, key(AUDIENCE, "PARENTS")).schools).as("schools reached with parents: still").isZero();
        assertThat(under(lastStudents, key(CAMPAIGN, CAMPAIGN_CODE)).schools).as("schools reached in the campaign: still").isZero();
    }

    @Test
    void aSchoolIsReachedForAClassLevelWhileItsRowHasCompletedWorkshopsForThatLevel() {
        TotalsDifference moved = new TotalsDifference();
        moved.replace(completed(RENNES, OCTOBER_12, 28, 2), new WorkshopState(WORKSHOP, 3, CAMPAIGN_CODE, RENNES, "p1", "Partner 1",
                "STUDENTS", "CINQUIEME", OffsetDateTime.parse(OCTOBER_12), "COMPLETED", 28).contribution());
        moved.countSchoolsReachedFromTheirRows(Map.of(schoolRow(RENNES), new CompletedWorkshops(1, 0, List.of(0L, 1L, 0L, 0L, 0L))));

        assertThat(under(moved, key(CLASS_LEVEL, "SIXIEME")).schools).as("schools reached in sixième: no longer").isEqualTo(-1);
        assertThat(under(moved, key(CLASS_LEVEL, "CINQUIEME")).schools).as("schools reached in cinquième: its first").isEqualTo(1);
        assertThat(under(moved, key(CAMPAIGN, CAMPAIGN_CODE)).schools).as("schools reached in the campaign: still").isZero();
        assertThat(under(moved, key(SCHOOL, RENNES)).isZero()).as("the school's row changes, though none of its totals does")
                .isFalse();
        assertThat(under(moved, key(SCHOOL, RENNES)).classLevelWorkshops).as("its workshops per class level")
                .containsExactly(-1, 1, 0, 0, 0);
        assertThat(under(moved, key(PARTNER, "p1")).isZero()).as("the partner's row does not change: none of its totals does")
                .isTrue();
    }

    private static Contribution completed(String school, String startsAt, int attendees, long version) {
        return state(school, "STUDENTS", startsAt, "COMPLETED", attendees, version).contribution();
    }

    private static WorkshopState state(String school, String audience, String startsAt, String status, int attendees, long version) {
        return new WorkshopState(WORKSHOP, version, CAMPAIGN_CODE, school, "p1", "Partner 1", audience, "SIXIEME",
                OffsetDateTime.parse(startsAt), status, attendees);
    }

    private static List<Contribution.Key> keysOf(String school, String day) {
        return List.of(key(CAMPAIGN, CAMPAIGN_CODE), key(SCHOOL, school), key(PARTNER, "p1"), key(AUDIENCE, "STUDENTS"),
                key(CLASS_LEVEL, "SIXIEME"), key(MONTH, day.substring(0, 7)), key(DAY, day));
    }

    private static Contribution.Key key(Contribution.Dimension dimension, String value) {
        return new Contribution.Key(dimension, value);
    }

    /** Rennes' school counted under a key. */
    private static SchoolKey school(Contribution.Dimension dimension, String value) {
        return new SchoolKey(CAMPAIGN_CODE, key(dimension, value), RENNES);
    }

    /** A school's completed workshops, all for students, as the store returns them from its row of the totals. */
    private static CompletedWorkshops students(long completed) {
        return new CompletedWorkshops(completed, 0, List.of(completed, 0L, 0L, 0L, 0L));
    }

    /** A school's own row of the totals, as the store returns its completed workshops. */
    private static SchoolKey schoolRow(String uai) {
        return new SchoolKey(CAMPAIGN_CODE, key(SCHOOL, uai), uai);
    }

    /** The difference under a key for the campaign; none at all reads as zero. */
    private static Counters under(TotalsDifference difference, Contribution.Key key) {
        return difference.totals().getOrDefault(key, Map.of()).getOrDefault(CAMPAIGN_CODE, new Counters());
    }
}
