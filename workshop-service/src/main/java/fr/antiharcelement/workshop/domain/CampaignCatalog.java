package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** Campaigns: defined and changed by campaign staff; every change publishes its event. */
@ApplicationScoped
public class CampaignCatalog {

    @Inject
    CampaignStore campaigns;

    @Inject
    ChangePublisher publisher;

    @Inject
    Clock clock;

    @Transactional
    public Campaign define(String code, CampaignDefinition definition) {
        if (campaigns.withCode(code).isPresent()) {
            throw new ConflictException("Campaign " + code + " exists already; change it with PUT /api/v1/campaigns/" + code)
                    .with("fields", List.of("code"));
        }
        OffsetDateTime now = CampaignTime.now(clock);
        Campaign campaign = new Campaign();
        campaign.code = code;
        campaign.version = 1;
        campaign.createdAt = now;
        campaign.define(definition, now);
        campaigns.add(campaign);
        publisher.campaign(CampaignChange.DEFINED, campaign);
        return campaign;
    }

    @Transactional
    public Campaign update(String code, long expectedVersion, CampaignDefinition definition) {
        Campaign campaign = campaigns.lockWithCode(code).orElseThrow(() -> notFound(code));
        StaleVersionException.check(expectedVersion, campaign.version, "Campaign " + code);
        campaign.define(definition, CampaignTime.now(clock));
        campaign.version++;
        campaigns.save(campaign);
        publisher.campaign(CampaignChange.UPDATED, campaign);
        return campaign;
    }

    @Transactional
    public Campaign find(String code) {
        return campaigns.withCode(code).orElseThrow(() -> notFound(code));
    }

    @Transactional
    public List<Campaign> all() {
        return campaigns.newestFirst();
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("No campaign " + code);
    }
}
