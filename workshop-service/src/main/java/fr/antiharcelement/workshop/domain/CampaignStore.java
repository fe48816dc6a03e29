package fr.antiharcelement.workshop.domain;

import java.util.List;
import java.util.Optional;

/** Where campaigns are kept. A campaign read from it is a copy: a change is kept once saved. */
public interface CampaignStore {

    Optional<Campaign> withCode(String code);

    /** The campaign, locked until the end of the transaction: concurrent changes to it take turns. */
    Optional<Campaign> lockWithCode(String code);

    /** Every campaign, the latest to start first. */
    List<Campaign> newestFirst();

    void add(Campaign campaign);

    void save(Campaign campaign);
}
