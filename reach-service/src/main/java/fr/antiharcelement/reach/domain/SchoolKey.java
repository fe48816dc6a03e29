package fr.antiharcelement.reach.domain;

/** A school counted under a key of a campaign: it is reached there while its delivered count is above zero. */
public record SchoolKey(String campaignCode, Contribution.Key key, String schoolUai) {
}
