package fr.antiharcelement.reach.domain;

import java.time.LocalDate;

/** A campaign as campaign-events describe it: its dates and targets; only the parents target is optional. */
public record CampaignState(String code, String name, LocalDate startsOn, LocalDate endsOn, int targetStudents,
                            Integer targetParents, int targetStudentWorkshops, int targetParentWorkshops, int targetSchools) {
}
