package fr.antiharcelement.workshop.events;

import java.time.LocalDate;

/** The data of a {@code campaign-events} record: the whole current state of one campaign. */
public record CampaignEvent(String code, String name, LocalDate startsOn, LocalDate endsOn, Targets targets, long version) {

    public record Targets(int studentsSensitised, Integer parentsSensitised, int studentWorkshops, int parentWorkshops,
                          int schools, Online online) {
    }

    /** The optional online targets, for the creators' posts; each null when there is none. */
    public record Online(Long impressions, Long accountsReached, Long engagements) {
    }
}
