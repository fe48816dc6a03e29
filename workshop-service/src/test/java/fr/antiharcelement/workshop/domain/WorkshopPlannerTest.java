package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.NotAllowedException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.RuleBrokenException;
import fr.antiharcelement.kernel.StaleVersionException;
import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The planner through its ports, kept in memory, with the clock fixed on 20 November 2021: what it checks against
 * stored data, what it audits and what it publishes.
 */
class WorkshopPlannerTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2021-11-20T12:00:00+01:00");
    private static final PartnerScope STAFF = PartnerScope.unrestricted("staff@campaign.local");

    private final Workshops workshops = new Workshops();
    private final History history = new History();
    private final Published published = new Published();
    private final Map<String, Campaign> campaigns = new HashMap<>();
    private final Map<String, Partner> partners = new HashMap<>();
    private final Map<UUID, Facilitator> facilitators = new HashMap<>();
    private final Map<String, SchoolReplica> schools = new HashMap<>();
    private final WorkshopPlanner planner = new WorkshopPlanner();

    private UUID alex;
    private UUID sam;

    @BeforeEach
    void aCampaignTwoPartnersTheirFacilitatorsAndSchools() {
        Clock clock = Clock.fixed(NOW.toInstant(), CampaignTime.ZONE);
        planner.workshops = workshops;
        planner.partners = new Stores.Partners(partners);
        planner.draftFacts = new Stores.Drafts(new Stores.Campaigns(campaigns), planner.partners,
                new Stores.Schools(schools), new Stores.Facilitators(facilitators), workshops);
        planner.rules = new WorkshopRules(clock);
        planner.auditTrail = new AuditTrail();
        planner.auditTrail.history = history;
        planner.auditTrail.clock = clock;
        planner.publisher = published;
        planner.clock = clock;

        Campaign campaign = new Campaign();
        campaign.code = "lpdm-2021";
        campaign.startsOn = LocalDate.of(2021, 9, 1);
        campaign.endsOn = LocalDate.of(2022, 6, 30);
        campaigns.put(campaign.code, campaign);
        partner("e-enfance", "Association e-Enfance");
        partner("gn", "Génération Numérique");
        alex = facilitator("e-enfance");
        sam = facilitator("gn");
        school("0140001W", "OPEN");
        school("0140002X", "CLOSED");
    }

    @Test
    void schedulingAuditsEveryFieldSetAndPublishesTheFirstVersionWithThePartnerName() {
        Workshop workshop = planner.schedule(draft("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00"), STAFF);

        assertThat(workshop).as("the scheduled workshop").extracting(w -> w.status, w -> w.version, w -> w.capacity)
                .containsExactly(WorkshopStatus.SCHEDULED, 1L, WorkshopPlanner.DEFAULT_CAPACITY);
        assertThat(history.entries).as("the audit trail after scheduling").singleElement().satisfies(entry -> {
            assertThat(entry.action()).as("action recorded").isEqualTo("scheduled");
            assertThat(entry.actor()).as("actor recorded").isEqualTo("staff@campaign.local");
            assertThat(entry.at()).as("time recorded").isEqualTo(NOW);
            assertThat(entry.changes()).as("changes recorded").containsEntry("status", new FieldChange(null, "SCHEDULED"))
                    .containsEntry("capacity", new FieldChange(null, 30)).doesNotContainKey("attendees");
        });
        assertThat(published.events).as("events published by scheduling")
                .containsExactly("SCHEDULED v1 for Association e-Enfance");
    }

    @Test
    void everyChangeIsAuditedAndPublishesExactlyOneEventWithTheNextVersion() {
        UUID id = planner.schedule(draft("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00"), STAFF).id;
        planner.reschedule(id, 1, draft("2021-11-18T10:00:00+01:00", "2021-11-18T12:00:00+01:00"), STAFF);
        planner.complete(id, null, 25, null, STAFF);
        planner.correctAttendance(id, 3L, 23, new Reason(ReasonCode.HEADCOUNT_RECOUNTED, "two counted twice"), STAFF);
        planner.cancel(id, null, new Reason(ReasonCode.RECORDED_BY_MISTAKE, null), STAFF);

        assertThat(history.entries).as("actions in the audit trail").extracting(WorkshopHistoryEntry::action)
                .containsExactly("scheduled", "rescheduled", "completed", "attendance corrected", "cancelled");
        assertThat(history.entries.get(3).changes()).as("changes recorded by the correction")
                .containsExactly(Map.entry("attendees", new FieldChange(25, 23)));
        assertThat(history.entries.get(3)).as("reason recorded for the correction")
                .extracting(WorkshopHistoryEntry::reasonCode, WorkshopHistoryEntry::note)
                .containsExactly(ReasonCode.HEADCOUNT_RECOUNTED, "two counted twice");
        assertThat(history.entries.get(4).changes()).as("changes recorded by the cancellation: its code, never its note")
                .containsEntry("cancellationReasonCode", new FieldChange(null, "RECORDED_BY_MISTAKE"));
        assertThat(published.events).as("events published, in order").containsExactly("SCHEDULED v1 for Association e-Enfance",
                "RESCHEDULED v2 for Association e-Enfance", "COMPLETED v3 for Association e-Enfance",
                "ATTENDANCE_CORRECTED v4 for Association e-Enfance", "CANCELLED v5 for Association e-Enfance");
    }

    @Test
    void aRefusedChangeIsNeitherAuditedNorPublishedAndKeepsTheVersion() {
        UUID id = planner.schedule(draft("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00"), STAFF).id;
        planner.cancel(id, null, new Reason(ReasonCode.SCHOOL_CLOSED, null), STAFF);

        assertThatExceptionOfType(ConflictException.class).as("completing a cancelled workshop")
                .isThrownBy(() -> planner.complete(id, null, 12, null, STAFF));
        assertThatExceptionOfType(StaleVersionException.class).as("cancelling from version 1 a workshop at version 2")
                .isThrownBy(() -> planner.cancel(id, 1L, new Reason(ReasonCode.OTHER, null), STAFF))
                .withMessage("Workshop " + id + " has changed since you read it: it is at version 2, your If-Match says 1."
                        + " Read it again and reapply your change.");
        assertThat(history.entries).as("audit trail entries after two refused changes").hasSize(2);
        assertThat(published.events).as("events published after two refused changes").hasSize(2);
        assertThat(workshops.byId.get(id).version).as("version after two refused changes").isEqualTo(2);
    }

    @Test
    void aRescheduleThatChangesNothingKeepsItsVersionAndRecordsNothing() {
        WorkshopDraft draft = draft("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00");
        UUID id = planner.schedule(draft, STAFF).id;

        Workshop same = planner.reschedule(id, 1, draft, STAFF);

        assertThat(same.version).as("version after a reschedule to the same slot").isEqualTo(1);
        assertThat(history.entries).as("audit trail after a reschedule to the same slot").hasSize(1);
        assertThat(published.events).as("events after a reschedule to the same slot").hasSize(1);
    }

    @Test
    void aFacilitatorAlreadyBookedAtThatTimeIsAConflictNamingTheOtherWorkshopUntilItIsCancelled() {
        UUID first = planner.schedule(draft("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00"), STAFF).id;
        WorkshopDraft overlapping = draft("2021-11-16T11:00:00+01:00", "2021-11-16T13:00:00+01:00");

        assertThatExceptionOfType(ConflictException.class).as("booking the same facilitator over the first workshop")
                .isThrownBy(() -> planner.schedule(overlapping, STAFF))
                .withMessage("The facilitator is already booked at that time, in workshop " + first)
                .satisfies(e -> assertThat(e.facts()).as("members of the conflict")
                        .containsEntry("conflictingWorkshopId", first.toString()));

        planner.cancel(first, null, new Reason(ReasonCode.RESCHEDULED_BY_SCHOOL, null), STAFF);
        assertThat(planner.schedule(overlapping, STAFF).status).as("status of the booking once the first is cancelled")
                .isEqualTo(WorkshopStatus.SCHEDULED);
    }

    @Test
    void aBookingLostToAConcurrentOneIsAnsweredWithTheWorkshopThatWon() {
        UUID winner = planner.schedule(draft("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00"), STAFF).id;
        DoubleBookingException refused = new DoubleBookingException(alex, OffsetDateTime.parse("2021-11-16T11:00:00+01:00"),
                OffsetDateTime.parse("2021-11-16T13:00:00+01:00"), UUID.randomUUID());

        assertThat(planner.doubleBooking(refused)).as("the answer to a lost race")
                .hasMessage("The facilitator is already booked at that time, in workshop " + winner);
    }

    @Test
    void aDraftIsCheckedAgainstWhatIsStoredWithA422SayingWhich() {
        WorkshopDraft good = draft("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00");

        assertThatExceptionOfType(RuleBrokenException.class).as("an unknown campaign")
                .isThrownBy(() -> planner.schedule(with(good, "lpdm-1999", good.schoolUai(), good.facilitatorId()), STAFF))
                .withMessage("Unknown campaign lpdm-1999");
        assertThatExceptionOfType(RuleBrokenException.class).as("a school the replica does not know")
                .isThrownBy(() -> planner.schedule(with(good, good.campaignCode(), "0999998Z", good.facilitatorId()), STAFF))
                .withMessageStartingWith("School 0999998Z is not known to the school directory")
                .withMessageContaining("registered a moment ago") // a client that has just registered it knows to retry
                .withMessageContaining("retry shortly");
        assertThatExceptionOfType(RuleBrokenException.class).as("a closed school")
                .isThrownBy(() -> planner.schedule(with(good, good.campaignCode(), "0140002X", good.facilitatorId()), STAFF))
                .withMessage("School 0140002X (Collège 0140002X) is closed");
        assertThatExceptionOfType(RuleBrokenException.class).as("another partner's facilitator")
                .isThrownBy(() -> planner.schedule(with(good, good.campaignCode(), good.schoolUai(), sam), STAFF))
                .withMessage("Facilitator " + sam + " does not belong to partner e-enfance");
        assertThat(workshops.byId).as("workshops stored after refused drafts").isEmpty();
    }

    @Test
    void aPartnerSchedulesForItselfOnlyAndAnotherPartnersWorkshopDoesNotExistForIt() {
        WorkshopDraft draft = draft("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00");
        PartnerScope generationNumerique = PartnerScope.partner("gn", "integration@gn");

        assertThatExceptionOfType(NotAllowedException.class).as("gn scheduling for e-enfance")
                .isThrownBy(() -> planner.schedule(draft, generationNumerique));
        UUID id = planner.schedule(draft, PartnerScope.partner("e-enfance", "integration@e-enfance")).id;
        assertThatExceptionOfType(NotFoundException.class).as("gn reading e-enfance's workshop")
                .isThrownBy(() -> planner.find(id, generationNumerique)).withMessage("No workshop " + id);
        assertThatExceptionOfType(NotFoundException.class).as("gn completing e-enfance's workshop")
                .isThrownBy(() -> planner.complete(id, null, 10, null, generationNumerique));
        assertThat(history.entries).as("audit trail after gn's attempts").extracting(WorkshopHistoryEntry::actor)
                .containsExactly("integration@e-enfance");
    }

    @Test
    void moreAttendeesThanSeatsOnlyByStaffWithAReasonCodeAuditedApart() {
        UUID id = planner.schedule(draft("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00"), STAFF).id;
        PartnerScope eEnfance = PartnerScope.partner("e-enfance", "integration@e-enfance");

        assertThatExceptionOfType(RuleBrokenException.class).as("the partner recording 31 attendees for 30 seats")
                .isThrownBy(() -> planner.complete(id, null, 31, new Reason(ReasonCode.EXTRA_ATTENDEES_ADMITTED, null), eEnfance))
                .withMessage("31 attendees for a workshop of 30 seats: only campaign staff may record more attendees than seats");
        assertThatExceptionOfType(RuleBrokenException.class).as("staff recording 31 attendees without a reason code")
                .isThrownBy(() -> planner.complete(id, null, 31, null, STAFF))
                .withMessageContaining("confirm it with a reasonCode");
        planner.complete(id, null, 30, null, eEnfance);
        assertThatExceptionOfType(RuleBrokenException.class).as("the partner correcting to 40")
                .isThrownBy(() -> planner.correctAttendance(id, null, 40, new Reason(ReasonCode.HEADCOUNT_RECOUNTED, null), eEnfance));
        planner.correctAttendance(id, null, 34, new Reason(ReasonCode.EXTRA_ATTENDEES_ADMITTED, "two classes together"), STAFF);

        assertThat(workshops.byId.get(id).attendees).as("headcount confirmed by staff").isEqualTo(34);
        assertThat(history.entries).as("the trail: the correction, then the override with its code")
                .extracting(WorkshopHistoryEntry::action, WorkshopHistoryEntry::reasonCode, WorkshopHistoryEntry::actor)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("scheduled", null, "staff@campaign.local"),
                        org.assertj.core.groups.Tuple.tuple("completed", null, "integration@e-enfance"),
                        org.assertj.core.groups.Tuple.tuple("attendance corrected", ReasonCode.EXTRA_ATTENDEES_ADMITTED, "staff@campaign.local"),
                        org.assertj.core.groups.Tuple.tuple("capacity overridden", ReasonCode.EXTRA_ATTENDEES_ADMITTED, "staff@campaign.local"));
        assertThat(history.entries.get(3).changes()).as("what the override recorded")
                .containsExactly(Map.entry("attendees", new FieldChange(30, 34)));
        assertThat(history.entries.get(3).note()).as("the override's entry repeats no note").isNull();
    }

    @Test
    void pupilWorkshopsTakePlaceOnlyInTheSchoolTypesTheCampaignAllows() {
        school("0350030K", "OPEN", "LYCEE");
        WorkshopDraft atALycee = with(draft("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00"), "lpdm-2021", "0350030K", alex);

        assertThatExceptionOfType(RuleBrokenException.class).as("a pupil workshop at a lycée, the campaign allowing collèges")
                .isThrownBy(() -> planner.schedule(atALycee, STAFF))
                .withMessage("School 0350030K (Collège 0350030K) is of type LYCEE: campaign lpdm-2021 holds pupil workshops only in [COLLEGE]");
        WorkshopDraft parents = new WorkshopDraft("lpdm-2021", "0350030K", "e-enfance", alex, Audience.PARENTS, null,
                atALycee.startsAt(), atALycee.endsAt(), null);
        assertThat(planner.schedule(parents, STAFF).status).as("a parents' workshop at the lycée").isEqualTo(WorkshopStatus.SCHEDULED);

        campaigns.get("lpdm-2021").studentSchoolTypes = "COLLEGE,LYCEE";
        WorkshopDraft later = new WorkshopDraft("lpdm-2021", "0350030K", "e-enfance", alex, Audience.STUDENTS, ClassLevel.TROISIEME,
                atALycee.startsAt().plusDays(1), atALycee.endsAt().plusDays(1), null);
        assertThat(planner.schedule(later, STAFF).status).as("a pupil workshop at the lycée once the campaign allows lycées")
                .isEqualTo(WorkshopStatus.SCHEDULED);
        school("0350031L", "OPEN", null);
        campaigns.get("lpdm-2021").studentSchoolTypes = "COLLEGE";
        WorkshopDraft unknownType = new WorkshopDraft("lpdm-2021", "0350031L", "e-enfance", alex, Audience.STUDENTS,
                ClassLevel.SIXIEME, atALycee.startsAt().plusDays(2), atALycee.endsAt().plusDays(2), null);
        assertThat(planner.schedule(unknownType, STAFF).schoolUai).as("a school whose type the replica does not know yet")
                .isEqualTo("0350031L");
    }

    @Test
    void aRedactionErasesEveryNoteOfTheWorkshopAndAuditsWhoWithoutTheText() {
        UUID id = planner.schedule(draft("2021-11-16T10:00:00+01:00", "2021-11-16T12:00:00+01:00"), STAFF).id;
        planner.complete(id, null, 25, null, STAFF);
        planner.correctAttendance(id, null, 24, new Reason(ReasonCode.HEADCOUNT_RECOUNTED, "Léa D. 5eB left early"), STAFF);
        planner.cancel(id, null, new Reason(ReasonCode.OTHER, "Léa D. 5eB is being bullied"), STAFF);
        int events = published.events.size();

        Workshop redacted = planner.redactNotes(id, PartnerScope.unrestricted("dpo@campaign.local"));

        assertThat(redacted.cancellationNote).as("the cancellation's note").isNull();
        assertThat(redacted.cancellationReasonCode).as("the cancellation's code, kept").isEqualTo(ReasonCode.OTHER);
        assertThat(redacted.version).as("version: a redaction is not a change of state").isEqualTo(4);
        assertThat(history.entries).as("notes left in the trail").extracting(WorkshopHistoryEntry::note).containsOnlyNulls();
        assertThat(history.entries.get(history.entries.size() - 1)).as("the redaction's own entry")
                .extracting(WorkshopHistoryEntry::action, WorkshopHistoryEntry::actor, WorkshopHistoryEntry::changes)
                .containsExactly("notes redacted", "dpo@campaign.local", Map.of("notes", new FieldChange(3, 0)));
        assertThat(published.events).as("events after the redaction").hasSize(events);
    }

    private WorkshopDraft draft(String startsAt, String endsAt) {
        return new WorkshopDraft("lpdm-2021", "0140001W", "e-enfance", alex, Audience.STUDENTS, ClassLevel.CINQUIEME,
                OffsetDateTime.parse(startsAt), OffsetDateTime.parse(endsAt), null);
    }

    private static WorkshopDraft with(WorkshopDraft draft, String campaign, String school, UUID facilitator) {
        return new WorkshopDraft(campaign, school, draft.partnerCode(), facilitator, draft.audience(), draft.classLevel(),
                draft.startsAt(), draft.endsAt(), draft.capacity());
    }

    private void partner(String code, String name) {
        Partner partner = new Partner();
        partner.code = code;
        partner.name = name;
        partners.put(code, partner);
    }

    private UUID facilitator(String partnerCode) {
        Facilitator facilitator = new Facilitator();
        facilitator.id = UUID.randomUUID();
        facilitator.partnerCode = partnerCode;
        facilitators.put(facilitator.id, facilitator);
        return facilitator.id;
    }

    private void school(String uai, String status) {
        school(uai, status, "COLLEGE");
    }

    private void school(String uai, String status, String type) {
        SchoolReplica school = new SchoolReplica();
        school.uai = uai;
        school.name = "Collège " + uai;
        school.status = status;
        school.schoolType = type;
        schools.put(uai, school);
    }

    /**
     * Workshops in memory, kept as the database keeps them: a read gives a copy, and a change is kept only once saved.
     * A double booking is caught by the planner's own check, as no other request runs.
     */
    private static final class Workshops implements WorkshopStore {

        final Map<UUID, Workshop> byId = new HashMap<>();

        @Override
        public Optional<Workshop> withId(UUID id) {
            return Optional.ofNullable(byId.get(id)).map(Workshops::copy);
        }

        @Override
        public Optional<Workshop> lockWithId(UUID id) {
            return withId(id);
        }

        @Override
        public Optional<Workshop> overlapping(UUID facilitatorId, OffsetDateTime startsAt, OffsetDateTime endsAt, UUID except) {
            return byId.values().stream().filter(w -> w.facilitatorId.equals(facilitatorId) && w.status != WorkshopStatus.CANCELLED
                    && w.startsAt.isBefore(endsAt) && w.endsAt.isAfter(startsAt) && !w.id.equals(except)).findFirst().map(Workshops::copy);
        }

        @Override
        public Optional<Workshop> withPartnerReference(String partnerCode, String partnerReference) {
            return byId.values().stream().filter(w -> w.partnerCode.equals(partnerCode) && partnerReference.equals(w.partnerReference))
                    .findFirst().map(Workshops::copy);
        }

        @Override
        public Map<String, Workshop> lockWithPartnerReferences(String partnerCode, java.util.Collection<String> partnerReferences) {
            Map<String, Workshop> found = new HashMap<>();
            partnerReferences.forEach(reference -> withPartnerReference(partnerCode, reference).ifPresent(w -> found.put(reference, w)));
            return found;
        }

        @Override
        public PageView<Workshop> search(WorkshopQuery query, Optional<String> partnerScope, PageRequest page) {
            throw new UnsupportedOperationException("searching is the database's: see WorkshopApiTest");
        }

        @Override
        public void add(Workshop workshop) {
            byId.put(workshop.id, copy(workshop));
        }

        @Override
        public void save(Workshop workshop) {
            if (!byId.containsKey(workshop.id)) {
                throw new IllegalStateException("No workshop " + workshop.id + " to save");
            }
            byId.put(workshop.id, copy(workshop));
        }

        static Workshop copy(Workshop w) {
            Workshop copy = new Workshop();
            copy.id = w.id;
            copy.campaignCode = w.campaignCode;
            copy.schoolUai = w.schoolUai;
            copy.partnerCode = w.partnerCode;
            copy.partnerReference = w.partnerReference;
            copy.facilitatorId = w.facilitatorId;
            copy.audience = w.audience;
            copy.classLevel = w.classLevel;
            copy.startsAt = w.startsAt;
            copy.endsAt = w.endsAt;
            copy.capacity = w.capacity;
            copy.status = w.status;
            copy.attendees = w.attendees;
            copy.cancellationReasonCode = w.cancellationReasonCode;
            copy.cancellationNote = w.cancellationNote;
            copy.version = w.version;
            copy.createdAt = w.createdAt;
            copy.updatedAt = w.updatedAt;
            return copy;
        }
    }

    private static final class History implements HistoryStore {

        final List<WorkshopHistoryEntry> entries = new ArrayList<>();

        @Override
        public void append(WorkshopHistoryEntry entry) {
            entries.add(entry);
        }

        @Override
        public List<WorkshopHistoryEntry> entriesOf(UUID workshopId) {
            return entries.stream().filter(entry -> entry.workshopId().equals(workshopId)).toList();
        }

        @Override
        public int redactNotes(UUID workshopId) {
            int redacted = 0;
            for (int i = 0; i < entries.size(); i++) {
                WorkshopHistoryEntry entry = entries.get(i);
                if (entry.workshopId().equals(workshopId) && entry.note() != null) {
                    entries.set(i, new WorkshopHistoryEntry(entry.workshopId(), entry.at(), entry.actor(), entry.action(),
                            entry.changes(), entry.reasonCode(), null));
                    redacted++;
                }
            }
            return redacted;
        }
    }

    /** Each published workshop change as "CHANGE vVERSION for PARTNER NAME". */
    private static final class Published implements ChangePublisher {

        final List<String> events = new ArrayList<>();

        @Override
        public void campaign(CampaignChange change, Campaign campaign) {
            events.add(change + " " + campaign.code + " v" + campaign.version);
        }

        @Override
        public void workshop(WorkshopChange change, Workshop workshop, String partnerName) {
            events.add(change + " v" + workshop.version + " for " + partnerName);
        }
    }
}
