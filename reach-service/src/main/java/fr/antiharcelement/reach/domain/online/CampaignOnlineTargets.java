package fr.antiharcelement.reach.domain.online;

/** A campaign's optional online targets, as campaign-events describe them; each null when there is none. */
public record CampaignOnlineTargets(String code, Long impressions, Long accountsReached, Long engagements) {
}
