package fr.antiharcelement.workshop.domain.creator;

/** Publishes every change of a post, with its whole new state, in the change's own transaction. */
public interface CreatorPostPublisher {

    /** {@code creatorName} travels with the post, for readers that keep no creators of their own. */
    void post(CreatorPostChange change, CreatorPost post, String creatorName);
}
