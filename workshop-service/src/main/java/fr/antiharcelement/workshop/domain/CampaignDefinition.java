package fr.antiharcelement.workshop.domain;

import java.time.LocalDate;

/** What staff set on a campaign: its name, its period and its targets. */
public record CampaignDefinition(String name, LocalDate startsOn, LocalDate endsOn, int targetStudents, Integer targetParents,
                                 int targetStudentWorkshops, int targetParentWorkshops, int targetSchools) {
}
