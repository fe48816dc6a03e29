package fr.antiharcelement.workshop.domain.creator;

/** What kind of post it is, as the platforms name them. */
public enum PostFormat {
    POST, REEL, STORY, VIDEO, LIVE
}
