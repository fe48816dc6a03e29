package fr.antiharcelement.workshop.domain;

/** Publishes every change of a campaign or a workshop, with its whole new state, in the change's own transaction. */
public interface ChangePublisher {

    void campaign(CampaignChange change, Campaign campaign);

    /** {@code partnerName} travels with the workshop, for readers that keep no partners of their own. */
    void workshop(WorkshopChange change, Workshop workshop, String partnerName);
}
