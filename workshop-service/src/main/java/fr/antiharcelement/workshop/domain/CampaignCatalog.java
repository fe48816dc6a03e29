package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.RuleBrokenException;
import fr.antiharcelement.kernel.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
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
    ChangePublisher publisher;

    @Inject
    Clock clock;

    @Transactional
    public Campaign define(String code, Definition definition) {
        if (Campaign.findByIdOptional(code).isPresent()) {
            throw new ConflictException("Campaign " + code + " exists already; change it with PUT /api/v1/campaigns/" + code);
        }
        Campaign campaign = new Campaign();
        campaign.code = code;
        campaign.version = 1;
        campaign.createdAt = CampaignTime.now(clock);
        apply(campaign, definition);
        campaign.persist();
        publisher.campaign(CampaignChange.DEFINED, campaign);
        return campaign;
    }

    @Transactional
    public Campaign update(String code, long expectedVersion, Definition definition) {
        Campaign campaign = Campaign.<Campaign>findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> notFound(code));
        StaleVersionException.check(expectedVersion, campaign.version, "Campaign " + code);
        apply(campaign, definition);
        campaign.version++;
        publisher.campaign(CampaignChange.UPDATED, campaign);
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

    private void apply(Campaign campaign, Definition definition) {
        if (definition.endsOn().isBefore(definition.startsOn())) {
            throw new RuleBrokenException("The campaign ends (" + definition.endsOn() + ") before it starts ("
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
        campaign.updatedAt = CampaignTime.now(clock);
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("No campaign " + code);
    }
}
