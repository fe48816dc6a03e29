package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.workshop.domain.Campaign;
import fr.antiharcelement.workshop.domain.CampaignStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CampaignRepository implements PanacheRepositoryBase<Campaign, String>, CampaignStore {

    @Override
    public Optional<Campaign> withCode(String code) {
        return findByIdOptional(code);
    }

    @Override
    public Optional<Campaign> lockWithCode(String code) {
        return findByIdOptional(code, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public List<Campaign> newestFirst() {
        return listAll(Sort.by("startsOn").descending().and("code"));
    }

    @Override
    public void add(Campaign campaign) {
        persist(campaign);
    }
}
