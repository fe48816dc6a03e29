package fr.antiharcelement.workshop.domain.creator;

/** Filters of a search of posts; null filters nothing. */
public record CreatorPostQuery(String campaign, String creator, Platform platform) {
}
