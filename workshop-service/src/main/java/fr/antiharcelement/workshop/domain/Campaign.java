package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.RuleBrokenException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A campaign: its period and its targets. Its {@code version} grows by one with every change. */
@Entity
@Table(name = "campaign")
public class Campaign {

    @Id
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
    public long version;
    public OffsetDateTime createdAt;
    public OffsetDateTime updatedAt;

    /** Takes what staff set, at {@code now}; a period that ends before it starts is refused and changes nothing. */
    public void define(CampaignDefinition definition, OffsetDateTime now) {
        if (definition.endsOn().isBefore(definition.startsOn())) {
            throw new RuleBrokenException("The campaign ends (" + definition.endsOn() + ") before it starts ("
                    + definition.startsOn() + ")");
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
        updatedAt = now;
    }

    public OnlineTargets onlineTargets() {
        return new OnlineTargets(targetImpressions, targetAccountsReached, targetEngagements);
    }

    /** Whether a workshop from {@code startsAt} to {@code endsAt} falls inside the campaign's period, in French days. */
    public boolean covers(OffsetDateTime startsAt, OffsetDateTime endsAt) {
        return !CampaignTime.dayOf(startsAt).isBefore(startsOn) && !CampaignTime.dayOf(endsAt).isAfter(endsOn);
    }
}
