package fr.antiharcelement.workshop.domain.creator;

/** What happened to a post, as its published event says. */
public enum CreatorPostChange {
    /** Recorded. */
    PUBLISHED,
    /** Its campaign, creator, platform, URL, publication time or format corrected. */
    UPDATED,
    /** New current figures: a snapshot measured after the current one. */
    MEASURED
}
