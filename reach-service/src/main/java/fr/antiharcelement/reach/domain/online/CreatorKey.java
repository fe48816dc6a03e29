package fr.antiharcelement.reach.domain.online;

/** A creator counted under a key of a campaign: counted there while they have a post under it. */
public record CreatorKey(String campaignCode, OnlineContribution.Key key, String creatorHandle) {
}
