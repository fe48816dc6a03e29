package fr.antiharcelement.workshop.domain;

import java.time.LocalDate;

/** What staff set on a campaign: its name, its period and its targets, online ones included (none: {@link OnlineTargets#NONE}). */
public record CampaignDefinition(String name, LocalDate startsOn, LocalDate endsOn, int targetStudents, Integer targetParents,
                                 int targetStudentWorkshops, int targetParentWorkshops, int targetSchools, OnlineTargets online) {

    /** A campaign without online targets. */
    public CampaignDefinition(String name, LocalDate startsOn, LocalDate endsOn, int targetStudents, Integer targetParents,
                              int targetStudentWorkshops, int targetParentWorkshops, int targetSchools) {
        this(name, startsOn, endsOn, targetStudents, targetParents, targetStudentWorkshops, targetParentWorkshops, targetSchools,
                OnlineTargets.NONE);
    }
}
