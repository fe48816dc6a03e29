package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.RuleBrokenException;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** A campaign: its period and its targets. Its {@code version} grows by one with every change. */
public class Campaign {

    /**
     * The longest period a campaign may span. A school-year campaign is ten months; five years leaves room for a
     * multi-year programme while refusing a typo such as 9999-12-31, which made reach's daily timeline build millions
     * of points.
     */
    public static final int MAX_SPAN_YEARS = 5;
    /** Where pupil workshops take place unless a campaign says otherwise: the campaign is for collégiens. */
    public static final Set<SchoolType> DEFAULT_STUDENT_SCHOOL_TYPES = Set.of(SchoolType.COLLEGE);

    public String code;
    public String name;
    public LocalDate startsOn;
    public LocalDate endsOn;
    public int targetStudents;
    public Integer targetParents;
    public int targetStudentWorkshops;
    public int targetParentWorkshops;
    public int targetSchools;
    public Long targetImpressions;
    public Long targetAccountsReached;
    public Long targetEngagements;
    /** The school types of {@link #allowsStudentsAt}, as their names joined by commas (e.g. {@code COLLEGE,LYCEE}). */
    public String studentSchoolTypes;
    public long version;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    /** Takes what staff set, at {@code now}; a period that ends before it starts is refused and changes nothing. */
    public void define(CampaignDefinition definition, OffsetDateTime now) {
        if (definition.endsOn().isBefore(definition.startsOn())) {
            throw new RuleBrokenException("The campaign ends (" + definition.endsOn() + ") before it starts ("
                    + definition.startsOn() + ")");
        }
        if (definition.endsOn().isAfter(definition.startsOn().plusYears(MAX_SPAN_YEARS))) {
            throw new RuleBrokenException("A campaign spans at most " + MAX_SPAN_YEARS + " years; this one runs from "
                    + definition.startsOn() + " to " + definition.endsOn()).with("maxSpanYears", MAX_SPAN_YEARS);
        }
        name = definition.name();
        startsOn = definition.startsOn();
        endsOn = definition.endsOn();
        targetStudents = definition.targetStudents();
        targetParents = definition.targetParents();
        targetStudentWorkshops = definition.targetStudentWorkshops();
        targetParentWorkshops = definition.targetParentWorkshops();
        targetSchools = definition.targetSchools();
        OnlineTargets online = definition.online() == null ? OnlineTargets.NONE : definition.online();
        targetImpressions = online.impressions();
        targetAccountsReached = online.accountsReached();
        targetEngagements = online.engagements();
        studentSchoolTypes = definition.studentSchoolTypes().stream().map(Enum::name).sorted().collect(Collectors.joining(","));
        updatedAt = now;
    }

    public OnlineTargets onlineTargets() {
        return new OnlineTargets(targetImpressions, targetAccountsReached, targetEngagements);
    }

    /** The school types where this campaign's pupil workshops may take place. */
    public Set<SchoolType> studentSchoolTypes() {
        if (studentSchoolTypes == null || studentSchoolTypes.isBlank()) {
            return DEFAULT_STUDENT_SCHOOL_TYPES;
        }
        return Arrays.stream(studentSchoolTypes.split(",")).map(SchoolType::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(SchoolType.class)));
    }

    /**
     * Whether a pupil workshop may take place at a school of {@code schoolType} (as school-events name it). A type not
     * known yet (a school replicated before types were kept) is let through: refusing it would block every school
     * until its next event, and the school directory's own data is what is checked here.
     */
    public boolean allowsStudentsAt(String schoolType) {
        return schoolType == null || studentSchoolTypes().stream().anyMatch(type -> type.name().equals(schoolType));
    }

    /** Whether a workshop from {@code startsAt} to {@code endsAt} falls inside the campaign's period, in French days. */
    public boolean covers(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return !CampaignTime.dayOf(startsAt).isBefore(startsOn) && !CampaignTime.dayOf(endsAt).isAfter(endsOn);
    }
}
