package fr.antiharcelement.reach.domain;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.events.consumer.IncomingEvent;
import fr.antiharcelement.reach.persistence.ReachStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies events to the reach projection, in the consumer's transaction. For each workshop, the newer event
 * subtracts what its previous state contributed and adds what its new state contributes (Kafka Streams'
 * adder/subtractor): a correction changes counts, a cancellation contributes zero, a moved date or school moves
 * the contribution. The totals are exact after every committed batch; nothing is fixed up later.
 */
@ApplicationScoped
public class ReachProjection {

    public static final String SCHOOL_TOPIC = "school-events";
    public static final String CAMPAIGN_TOPIC = "campaign-events";
    public static final String WORKSHOP_TOPIC = "workshop-events";
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    @Inject
    ReachStore store;

    public void apply(List<IncomingEvent> events) {
        List<JsonNode> schools = new ArrayList<>();
        List<IncomingEvent> workshops = new ArrayList<>();
        Instant newest = null;
        for (IncomingEvent event : events) {
            switch (event.topic()) {
                case SCHOOL_TOPIC -> schools.add(event.data());
                case CAMPAIGN_TOPIC -> store.upsertCampaign(event.data());
                case WORKSHOP_TOPIC -> workshops.add(event);
                default -> throw new IllegalArgumentException("reach does not consume " + event.topic());
            }
            OffsetDateTime time = event.cloudEvent().time();
            if (time != null && (newest == null || time.toInstant().isAfter(newest))) {
                newest = time.toInstant();
            }
        }
        store.upsertSchools(schools);
        applyWorkshops(workshops);
        if (newest != null) {
            store.advanceAsOf(newest);
        }
    }

    private void applyWorkshops(List<IncomingEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        // The newest state of each workshop only: applying the states of one workshop in turn (subtract, add, subtract,
        // add) comes to the same as subtracting the stored one and adding the newest, and each row is written once.
        Map<UUID, Contribution> incoming = new LinkedHashMap<>();
        for (IncomingEvent event : events) {
            incoming.merge(UUID.fromString(event.aggregateId()), contribution(event),
                    (kept, candidate) -> candidate.version() >= kept.version() ? candidate : kept);
        }
        Map<UUID, Contribution> previous = store.contributions(incoming.keySet());
        Map<Contribution.Key, Map<String, Counters>> totals = new HashMap<>();     // key → campaign → difference
        Map<SchoolKey, Long> delivered = new HashMap<>();
        for (Contribution next : incoming.values()) {
            Contribution before = previous.get(next.workshopId());
            if (before != null) {
                accumulate(before, -1, totals, delivered);
            }
            accumulate(next, +1, totals, delivered);
        }
        store.saveContributions(incoming.values());
        store.addToSchools(delivered).forEach((school, after) -> {
            // A school is reached under a key while its delivered count there is above 0.
            long reachedChange = (after > 0 ? 1 : 0) - (after - delivered.get(school) > 0 ? 1 : 0);
            if (reachedChange != 0) {
                totals.computeIfAbsent(school.key(), k -> new HashMap<>()).computeIfAbsent(school.campaignCode(), c -> new Counters())
                        .schools += reachedChange;
            }
        });
        store.addToTotals(totals);
        store.upsertPartners(events);
    }

    /** A school counted under a key: it is reached there while its delivered count is above zero. */
    public record SchoolKey(String campaignCode, Contribution.Key key, String schoolUai) {
    }

    private static void accumulate(Contribution contribution, int sign, Map<Contribution.Key, Map<String, Counters>> totals,
                                   Map<SchoolKey, Long> delivered) {
        for (Contribution.Key key : contribution.keys()) {
            totals.computeIfAbsent(key, k -> new HashMap<>()).computeIfAbsent(contribution.campaignCode(), c -> new Counters())
                    .add(contribution, sign);
            if (contribution.completed() && key.dimension() != Contribution.Dimension.DAY) {
                delivered.merge(new SchoolKey(contribution.campaignCode(), key, contribution.schoolUai()), (long) sign, Long::sum);
            }
        }
    }

    static Contribution contribution(IncomingEvent event) {
        JsonNode data = event.data();
        OffsetDateTime startsAt = OffsetDateTime.parse(text(data, "startsAt"));
        LocalDate day = startsAt.atZoneSameInstant(PARIS).toLocalDate();
        String status = text(data, "status");
        JsonNode attendees = data.get("attendees");
        int headcount = attendees == null || attendees.isNull() ? 0 : attendees.asInt();
        if ("COMPLETED".equals(status) && (attendees == null || !attendees.canConvertToInt() || headcount < 0)) {
            throw new IllegalArgumentException("completed workshop without a valid attendees headcount");
        }
        String audience = text(data, "audience");
        if (!audience.equals("STUDENTS") && !audience.equals("PARENTS")) {
            throw new IllegalArgumentException("unknown audience " + audience);
        }
        JsonNode level = data.get("classLevel");
        return new Contribution(UUID.fromString(event.aggregateId()), text(data, "campaignCode"), text(data, "schoolUai"),
                text(data, "partnerCode"), audience, level == null || level.isNull() ? null : level.asText(), day, status,
                headcount, event.version());
    }

    static String text(JsonNode data, String field) {
        JsonNode value = data.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            throw new IllegalArgumentException("event without " + field);
        }
        return value.asText();
    }
}
