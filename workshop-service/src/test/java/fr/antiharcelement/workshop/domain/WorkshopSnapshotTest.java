package fr.antiharcelement.workshop.domain;

import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** What the audit trail records as changed, field by field, between two moments of a workshop. */
class WorkshopSnapshotTest {

    private static final UUID FACILITATOR = UUID.fromString("5b2f6c1e-8d7a-4f0e-9a51-3c2d1e0f9a8b");

    @Test
    void aNewWorkshopRecordsEveryFieldItHasFromNothingAsText() {
        Map<String, FieldChange> changes = WorkshopSnapshot.NOTHING.changesTo(WorkshopSnapshot.of(scheduled()));

        assertThat(changes).as("changes recorded when a workshop is scheduled, in the trail's field order").containsExactly(
                Map.entry("schoolUai", new FieldChange(null, "0140001W")),
                Map.entry("facilitatorId", new FieldChange(null, FACILITATOR.toString())),
                Map.entry("audience", new FieldChange(null, "STUDENTS")),
                Map.entry("classLevel", new FieldChange(null, "CINQUIEME")),
                Map.entry("startsAt", new FieldChange(null, "2021-11-16T10:00+01:00")),
                Map.entry("endsAt", new FieldChange(null, "2021-11-16T12:00+01:00")),
                Map.entry("capacity", new FieldChange(null, 30)),
                Map.entry("status", new FieldChange(null, "SCHEDULED")));
    }

    @Test
    void aCompletionRecordsOnlyTheStatusAndTheHeadcount() {
        Workshop workshop = scheduled();
        WorkshopSnapshot before = WorkshopSnapshot.of(workshop);
        workshop.status = WorkshopStatus.COMPLETED;
        workshop.attendees = 24;

        assertThat(before.changesTo(WorkshopSnapshot.of(workshop))).as("changes recorded by a completion").containsExactly(
                Map.entry("status", new FieldChange("SCHEDULED", "COMPLETED")),
                Map.entry("attendees", new FieldChange(null, 24)));
    }

    @Test
    void aCorrectionRecordsTheHeadcountFromWhatToWhat() {
        Workshop workshop = scheduled();
        workshop.status = WorkshopStatus.COMPLETED;
        workshop.attendees = 24;
        WorkshopSnapshot before = WorkshopSnapshot.of(workshop);
        workshop.attendees = 22;

        assertThat(before.changesTo(WorkshopSnapshot.of(workshop))).as("changes recorded by a headcount correction")
                .containsExactly(Map.entry("attendees", new FieldChange(24, 22)));
    }

    @Test
    void aMovedWorkshopRecordsItsNewTimesInCampaignTime() {
        Workshop workshop = scheduled();
        WorkshopSnapshot before = WorkshopSnapshot.of(workshop);
        workshop.startsAt = OffsetDateTime.parse("2021-11-23T14:00:00+01:00");
        workshop.endsAt = OffsetDateTime.parse("2021-11-23T16:00:00+01:00");

        assertThat(before.changesTo(WorkshopSnapshot.of(workshop))).as("changes recorded by a move").containsExactly(
                Map.entry("startsAt", new FieldChange("2021-11-16T10:00+01:00", "2021-11-23T14:00+01:00")),
                Map.entry("endsAt", new FieldChange("2021-11-16T12:00+01:00", "2021-11-23T16:00+01:00")));
    }

    @Test
    void aWorkshopSetAgainToWhatItWasRecordsNoChange() {
        Workshop workshop = scheduled();
        WorkshopSnapshot before = WorkshopSnapshot.of(workshop);
        workshop.startsAt = OffsetDateTime.parse("2021-11-16T10:00:00+01:00");
        workshop.capacity = 30;

        assertThat(before.changesTo(WorkshopSnapshot.of(workshop))).as("changes recorded when nothing changed").isEmpty();
    }

    private static Workshop scheduled() {
        Workshop workshop = new Workshop();
        workshop.id = UUID.randomUUID();
        workshop.campaignCode = "lpdm-2021";
        workshop.schoolUai = "0140001W";
        workshop.partnerCode = "e-enfance";
        workshop.facilitatorId = FACILITATOR;
        workshop.audience = Audience.STUDENTS;
        workshop.classLevel = ClassLevel.CINQUIEME;
        workshop.startsAt = OffsetDateTime.parse("2021-11-16T10:00:00+01:00");
        workshop.endsAt = OffsetDateTime.parse("2021-11-16T12:00:00+01:00");
        workshop.capacity = 30;
        workshop.status = WorkshopStatus.SCHEDULED;
        workshop.version = 1;
        return workshop;
    }
}
