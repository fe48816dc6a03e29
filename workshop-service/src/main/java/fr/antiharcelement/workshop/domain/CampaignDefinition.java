package fr.antiharcelement.workshop.domain;

import java.time.LocalDate;
import java.util.Set;

/**
 * What staff set on a campaign: its name, its period and its targets, online ones included (none: {@link OnlineTargets#NONE}),
 * and the school types where its pupil workshops may take place ({@link Campaign#DEFAULT_STUDENT_SCHOOL_TYPES} when none is given).
 */
public record CampaignDefinition(String name, LocalDate startsOn, LocalDate endsOn, int targetStudents, Integer targetParents,
                                 int targetStudentWorkshops, int targetParentWorkshops, int targetSchools, OnlineTargets online,
                                 Set<SchoolType> studentSchoolTypes) {

    public CampaignDefinition {
        studentSchoolTypes = studentSchoolTypes == null || studentSchoolTypes.isEmpty()
                ? Campaign.DEFAULT_STUDENT_SCHOOL_TYPES : Set.copyOf(studentSchoolTypes);
    }

    /** A campaign whose pupil workshops take place in the default school types. */
    public CampaignDefinition(String name, LocalDate startsOn, LocalDate endsOn, int targetStudents, Integer targetParents,
                              int targetStudentWorkshops, int targetParentWorkshops, int targetSchools, OnlineTargets online) {
        this(name, startsOn, endsOn, targetStudents, targetParents, targetStudentWorkshops, targetParentWorkshops, targetSchools,
                online, null);
    }

    /** A campaign without online targets. */
    public CampaignDefinition(String name, LocalDate startsOn, LocalDate endsOn, int targetStudents, Integer targetParents,
                              int targetStudentWorkshops, int targetParentWorkshops, int targetSchools) {
        this(name, startsOn, endsOn, targetStudents, targetParents, targetStudentWorkshops, targetParentWorkshops, targetSchools,
                OnlineTargets.NONE);
    }
}
