package fr.antiharcelement.workshop.domain;

import java.util.List;
import java.util.Optional;

/** Where campaigns are kept. A campaign read from it is written back when the transaction commits. */
public interface CampaignStore {

    Optional<Campaign> withCode(String code);

    /** The campaign, locked until the end of the transaction: concurrent changes to it take turns. */
    Optional<Campaign> lockWithCode(String code);

    /** Every campaign, the latest to start first. */
    List<Campaign> newestFirst();

    void add(Campaign campaign);
}
