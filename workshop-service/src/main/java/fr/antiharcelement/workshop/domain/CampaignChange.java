package fr.antiharcelement.workshop.domain;

/** What happened to a campaign, as its published event says. */
public enum CampaignChange {
    DEFINED, UPDATED
}
