package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.RuleBrokenException;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The workshop's own rules and its life, without a database: the clock is fixed at 16 November 2021, 10:30 in Paris. */
class WorkshopRulesTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2021-11-16T10:30:00+01:00");

    private final WorkshopRules rules = new WorkshopRules(Clock.fixed(NOW.toInstant(), CampaignTime.ZONE));
    private final Campaign campaign = campaign();

    @Test
    void aDraftOfFifteenMinutesToEightHoursInsideItsCampaignIsAccepted() {
        assertThatCode(() -> rules.checkDraft(draft("2021-11-16T10:00:00+01:00", "2021-11-16T10:15:00+01:00"), campaign))
                .as("a 15-minute workshop").doesNotThrowAnyException();
        assertThatCode(() -> rules.checkDraft(draft("2021-11-16T09:00:00+01:00", "2021-11-16T17:00:00+01:00"), campaign))
                .as("an 8-hour workshop").doesNotThrowAnyException();
    }

    @Test
    void aDraftThatEndsWhenOrBeforeItStartsIsRefused() {
        assertThatExceptionOfType(RuleBrokenException.class).as("a workshop ending before it starts")
                .isThrownBy(() -> rules.checkDraft(draft("2021-11-16T12:00:00+01:00", "2021-11-16T10:00:00+01:00"), campaign))
                .withMessage("endsAt (2021-11-16T10:00+01:00) must be after startsAt (2021-11-16T12:00+01:00)");
        assertThatExceptionOfType(RuleBrokenException.class).as("a workshop ending as it starts")
                .isThrownBy(() -> rules.checkDraft(draft("2021-11-16T10:00:00+01:00", "2021-11-16T10:00:00+01:00"), campaign))
                .withMessageContaining("must be after startsAt");
    }

    @Test
    void aDraftShorterThanFifteenMinutesOrLongerThanEightHoursIsRefusedWithItsLength() {
        assertThatExceptionOfType(RuleBrokenException.class).as("a 14-minute workshop")
                .isThrownBy(() -> rules.checkDraft(draft("2021-11-16T10:00:00+01:00", "2021-11-16T10:14:00+01:00"), campaign))
                .withMessage("A workshop lasts from 15 minutes to 8 hours; this one lasts 14 minutes");
        assertThatExceptionOfType(RuleBrokenException.class).as("a workshop of 8 hours and 1 minute")
                .isThrownBy(() -> rules.checkDraft(draft("2021-11-16T09:00:00+01:00", "2021-11-16T17:01:00+01:00"), campaign))
                .withMessage("A workshop lasts from 15 minutes to 8 hours; this one lasts 481 minutes");
    }

    @Test
    void aDraftOutsideItsCampaignIsRefusedNamingTheCampaignAndItsPeriod() {
        assertThatExceptionOfType(RuleBrokenException.class).as("a workshop after the campaign's last day")
                .isThrownBy(() -> rules.checkDraft(draft("2022-07-04T10:00:00+02:00", "2022-07-04T12:00:00+02:00"), campaign))
                .withMessage("The workshop falls outside campaign lpdm-2021 (2021-09-01 to 2022-06-30)");
    }

    @Test
    void aClassLevelIsForPupilsOnly() {
        WorkshopDraft parentsWithALevel = draft(Audience.PARENTS, ClassLevel.SIXIEME);
        assertThatExceptionOfType(RuleBrokenException.class).as("a parents workshop with a class level")
                .isThrownBy(() -> rules.checkDraft(parentsWithALevel, campaign))
                .withMessage("classLevel is for STUDENTS workshops only");
        assertThatCode(() -> rules.checkDraft(draft(Audience.PARENTS, null), campaign))
                .as("a parents workshop without a class level").doesNotThrowAnyException();
        assertThatCode(() -> rules.checkDraft(draft(Audience.STUDENTS, null), campaign))
                .as("a pupils workshop without a class level").doesNotThrowAnyException();
    }

    @Test
    void aScheduledWorkshopIsCompletedWithItsHeadcountOnceItHasStarted() {
        Workshop startedNow = workshop(WorkshopStatus.SCHEDULED, NOW);

        rules.complete(startedNow, 24);

        assertThat(startedNow.status).as("status of a workshop completed as it starts").isEqualTo(WorkshopStatus.COMPLETED);
        assertThat(startedNow.attendees).as("headcount of the completed workshop").isEqualTo(24);
    }

    @Test
    void aWorkshopThatHasNotStartedCannotBeCompletedAndStaysScheduled() {
        Workshop inAMinute = workshop(WorkshopStatus.SCHEDULED, NOW.plusMinutes(1));

        assertThatExceptionOfType(RuleBrokenException.class).as("completing a workshop that starts in a minute")
                .isThrownBy(() -> rules.complete(inAMinute, 24))
                .withMessage("Workshop " + inAMinute.id + " starts at 2021-11-16T10:31+01:00: it can be completed once it has started");
        assertThat(inAMinute.status).as("status after a refused completion").isEqualTo(WorkshopStatus.SCHEDULED);
        assertThat(inAMinute.attendees).as("headcount after a refused completion").isNull();
    }

    @Test
    void aWorkshopIsCompletedOnlyFromScheduledWithItsCurrentStatusInTheConflict() {
        Workshop completed = workshop(WorkshopStatus.COMPLETED, NOW.minusDays(1));
        Workshop cancelled = workshop(WorkshopStatus.CANCELLED, NOW.minusDays(1));

        assertThatExceptionOfType(ConflictException.class).as("completing a COMPLETED workshop again")
                .isThrownBy(() -> rules.complete(completed, 30))
                .withMessage("Workshop " + completed.id + " is COMPLETED and cannot be completed (only from [SCHEDULED])")
                .satisfies(e -> assertThat(e.facts()).as("members of the conflict")
                        .containsEntry("currentStatus", WorkshopStatus.COMPLETED));
        assertThat(completed.attendees).as("headcount after a refused second completion").isEqualTo(24);
        assertThatExceptionOfType(ConflictException.class).as("completing a CANCELLED workshop")
                .isThrownBy(() -> rules.complete(cancelled, 30))
                .satisfies(e -> assertThat(e.facts()).as("members of the conflict")
                        .containsEntry("currentStatus", WorkshopStatus.CANCELLED));
    }

    @Test
    void onlyACompletedWorkshopHasItsHeadcountCorrected() {
        Workshop completed = workshop(WorkshopStatus.COMPLETED, NOW.minusDays(1));
        rules.correctAttendance(completed, 22);
        assertThat(completed.attendees).as("corrected headcount").isEqualTo(22);
        assertThat(completed.status).as("status after a correction").isEqualTo(WorkshopStatus.COMPLETED);

        Workshop scheduled = workshop(WorkshopStatus.SCHEDULED, NOW.minusDays(1));
        assertThatExceptionOfType(ConflictException.class).as("correcting the headcount of a SCHEDULED workshop")
                .isThrownBy(() -> rules.correctAttendance(scheduled, 22))
                .withMessage("Workshop " + scheduled.id + " is SCHEDULED and cannot be corrected (only from [COMPLETED])");
        assertThat(scheduled.attendees).as("headcount of a SCHEDULED workshop after a refused correction").isNull();
    }

    @Test
    void aHeadcountAboveTheSeatsIsRefusedBeforeAnythingChangesUnlessStaffGiveAReasonCode() {
        Workshop scheduled = workshop(WorkshopStatus.SCHEDULED, NOW.minusDays(1));
        assertThatExceptionOfType(RuleBrokenException.class).as("a partner's 31 attendees for 30 seats")
                .isThrownBy(() -> rules.complete(scheduled, 31, false, ReasonCode.EXTRA_ATTENDEES_ADMITTED));
        assertThatExceptionOfType(RuleBrokenException.class).as("staff's 31 attendees without a reason code")
                .isThrownBy(() -> rules.complete(scheduled, 31, true, null)).withMessageContaining("confirm it with a reasonCode");
        assertThat(scheduled).as("the workshop after refused completions").extracting(w -> w.status, w -> w.attendees)
                .containsExactly(WorkshopStatus.SCHEDULED, null);
        assertThat(rules.complete(scheduled, 30, false, null)).as("30 attendees for 30 seats overrides nothing").isFalse();

        Workshop completed = workshop(WorkshopStatus.COMPLETED, NOW.minusDays(1));
        assertThatExceptionOfType(ConflictException.class).as("completing a COMPLETED workshop again, above its seats")
                .isThrownBy(() -> rules.complete(completed, 31, true, null));
        assertThat(rules.correctAttendance(completed, 35, true, ReasonCode.EXTRA_ATTENDEES_ADMITTED))
                .as("staff's 35 attendees with a reason code override the seats").isTrue();
        assertThat(completed.attendees).as("the corrected headcount").isEqualTo(35);
    }

    @Test
    void scheduledAndCompletedWorkshopsAreCancelledWithTheirReasonButNotTwice() {
        Workshop scheduled = workshop(WorkshopStatus.SCHEDULED, NOW.plusDays(1));
        rules.cancel(scheduled, new Reason(ReasonCode.SCHOOL_CLOSED, "  snow day  "));
        assertThat(scheduled.status).as("status of a cancelled SCHEDULED workshop").isEqualTo(WorkshopStatus.CANCELLED);
        assertThat(scheduled.cancellationReasonCode).as("reason of the cancellation").isEqualTo(ReasonCode.SCHOOL_CLOSED);
        assertThat(scheduled.cancellationNote).as("its note, trimmed").isEqualTo("snow day");

        Workshop completed = workshop(WorkshopStatus.COMPLETED, NOW.minusDays(1));
        rules.cancel(completed, new Reason(ReasonCode.RECORDED_BY_MISTAKE, " "));
        assertThat(completed.cancellationNote).as("a blank note is none").isNull();
        assertThat(completed.status).as("status of a cancelled COMPLETED workshop").isEqualTo(WorkshopStatus.CANCELLED);

        assertThatExceptionOfType(ConflictException.class).as("cancelling a CANCELLED workshop again")
                .isThrownBy(() -> rules.cancel(scheduled, new Reason(ReasonCode.OTHER, "again")))
                .withMessage("Workshop " + scheduled.id + " is CANCELLED and cannot be cancelled (only from [SCHEDULED, COMPLETED])");
        assertThat(scheduled).as("reason after a refused second cancellation")
                .extracting(w -> w.cancellationReasonCode, w -> w.cancellationNote).containsExactly(ReasonCode.SCHOOL_CLOSED, "snow day");
        assertThatExceptionOfType(fr.antiharcelement.kernel.InvalidInputException.class).as("a note of 201 characters")
                .isThrownBy(() -> new Reason(ReasonCode.OTHER, "x".repeat(Note.MAX_LENGTH + 1)))
                .withMessage("note: must be at most 200 characters");
    }

    @Test
    void onlyAScheduledWorkshopIsRescheduledAndItKeepsItsCampaignAndPartner() {
        Workshop scheduled = workshop(WorkshopStatus.SCHEDULED, NOW.plusDays(1));
        assertThatCode(() -> rules.checkReschedule(scheduled, draft(Audience.STUDENTS, null)))
                .as("rescheduling a SCHEDULED workshop in its campaign, for its partner").doesNotThrowAnyException();

        WorkshopDraft otherCampaign = new WorkshopDraft("lpdm-2022", "0140001W", "e-enfance", UUID.randomUUID(),
                Audience.STUDENTS, null, NOW.plusDays(1), NOW.plusDays(1).plusHours(2), null);
        assertThatExceptionOfType(RuleBrokenException.class).as("moving a workshop to another campaign")
                .isThrownBy(() -> rules.checkReschedule(scheduled, otherCampaign))
                .withMessage("A workshop's campaign and partner cannot change; cancel it and schedule another");

        Workshop completed = workshop(WorkshopStatus.COMPLETED, NOW.minusDays(1));
        assertThatExceptionOfType(ConflictException.class).as("rescheduling a COMPLETED workshop")
                .isThrownBy(() -> rules.checkReschedule(completed, draft(Audience.STUDENTS, null)))
                .satisfies(e -> assertThat(e.facts()).as("members of the conflict")
                        .containsEntry("currentStatus", WorkshopStatus.COMPLETED));
    }

    @Test
    void aDoubleBookingNamesTheWorkshopAlreadyBookedWhenItIsKnown() {
        UUID other = UUID.randomUUID();

        assertThat(WorkshopRules.alreadyBooked(other)).as("conflict with a known workshop")
                .hasMessage("The facilitator is already booked at that time, in workshop " + other)
                .satisfies(e -> assertThat(e.facts()).as("members of the conflict")
                        .containsExactlyEntriesOf(Map.of("conflictingWorkshopId", other.toString())));
        assertThat(WorkshopRules.alreadyBooked(null)).as("conflict with a workshop cancelled since")
                .hasMessage("The facilitator is already booked at that time")
                .satisfies(e -> assertThat(e.facts()).as("members of the conflict").containsEntry("conflictingWorkshopId", ""));
    }

    private static Campaign campaign() {
        Campaign campaign = new Campaign();
        campaign.code = "lpdm-2021";
        campaign.startsOn = LocalDate.of(2021, 9, 1);
        campaign.endsOn = LocalDate.of(2022, 6, 30);
        return campaign;
    }

    private static WorkshopDraft draft(String startsAt, String endsAt) {
        return new WorkshopDraft("lpdm-2021", "0140001W", "e-enfance", UUID.randomUUID(), Audience.STUDENTS, ClassLevel.CINQUIEME,
                OffsetDateTime.parse(startsAt), OffsetDateTime.parse(endsAt), null);
    }

    private static WorkshopDraft draft(Audience audience, ClassLevel classLevel) {
        return new WorkshopDraft("lpdm-2021", "0140001W", "e-enfance", UUID.randomUUID(), audience, classLevel,
                NOW.plusDays(1), NOW.plusDays(1).plusHours(2), null);
    }

    /** A workshop of lpdm-2021 for e-enfance, two hours from {@code startsAt}; a COMPLETED one counted 24. */
    private static Workshop workshop(WorkshopStatus status, OffsetDateTime startsAt) {
        Workshop workshop = new Workshop();
        workshop.id = UUID.randomUUID();
        workshop.campaignCode = "lpdm-2021";
        workshop.partnerCode = "e-enfance";
        workshop.audience = Audience.STUDENTS;
        workshop.startsAt = startsAt;
        workshop.endsAt = startsAt.plusHours(2);
        workshop.capacity = 30;
        workshop.status = status;
        workshop.attendees = status == WorkshopStatus.COMPLETED ? 24 : null;
        return workshop;
    }
}
