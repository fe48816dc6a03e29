package fr.antiharcelement.reach.domain.online;

/**
 * A campaign's online reach under one key: creators with a post, posts, and the posts' current impressions, accounts
 * reached (summed per post: platforms do not de-duplicate accounts across posts) and engagements (likes + comments +
 * shares + saves). Never part of the students or parents sensitised.
 */
public record OnlineFigures(long creators, long posts, long impressions, long accountsReached, long engagements) {

    public static final OnlineFigures NONE = new OnlineFigures(0, 0, 0, 0, 0);
}
