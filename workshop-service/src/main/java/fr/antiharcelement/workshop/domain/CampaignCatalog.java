package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.api.http.Etags;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.workshop.events.WorkshopEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;

/** Campaigns: defined and changed by campaign staff; every change publishes its event. */
@ApplicationScoped
public class CampaignCatalog {

    /** What staff set on a campaign. */
    public record Definition(String name, LocalDate startsOn, LocalDate endsOn, int targetStudents, Integer targetParents,
                             int targetStudentWorkshops, int targetParentWorkshops, int targetSchools) {
    }

    @Inject
    WorkshopEvents events;

    @Transactional
    public Campaign define(String code, Definition definition) {
        if (Campaign.findByIdOptional(code).isPresent()) {
            throw ProblemException.conflict("Campaign " + code + " exists already; change it with PUT /api/v1/campaigns/" + code);
        }
        Campaign campaign = new Campaign();
        campaign.code = code;
        campaign.version = 1;
        campaign.createdAt = Clock.now();
        apply(campaign, definition);
        campaign.persist();
        events.campaign(WorkshopEvents.CAMPAIGN_DEFINED, campaign);
        return campaign;
    }

    @Transactional
    public Campaign update(String code, long expectedVersion, Definition definition) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(code));
        Etags.checkCurrent(expectedVersion, campaign.version, "Campaign " + code);
        apply(campaign, definition);
        campaign.version++;
        events.campaign(WorkshopEvents.CAMPAIGN_UPDATED, campaign);
        return campaign;
    }

    @Transactional
    public Campaign find(String code) {
        return Campaign.<Campaign>findByIdOptional(code).orElseThrow(() -> notFound(code));
    }

    @Transactional
    public List<Campaign> all() {
        return Campaign.listAll(io.quarkus.panache.common.Sort.by("startsOn").descending().and("code"));
    }

    private static void apply(Campaign campaign, Definition definition) {
        if (definition.endsOn().isBefore(definition.startsOn())) {
            throw ProblemException.unprocessable("The campaign ends (" + definition.endsOn() + ") before it starts ("
                    + definition.startsOn() + ")");
        }
        campaign.name = definition.name();
        campaign.startsOn = definition.startsOn();
        campaign.endsOn = definition.endsOn();
        campaign.targetStudents = definition.targetStudents();
        campaign.targetParents = definition.targetParents();
        campaign.targetStudentWorkshops = definition.targetStudentWorkshops();
        campaign.targetParentWorkshops = definition.targetParentWorkshops();
        campaign.targetSchools = definition.targetSchools();
        campaign.updatedAt = Clock.now();
    }

    private static ProblemException notFound(String code) {
        return ProblemException.notFound("No campaign " + code);
    }
}
