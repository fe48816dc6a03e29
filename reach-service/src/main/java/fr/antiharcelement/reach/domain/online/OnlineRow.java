package fr.antiharcelement.reach.domain.online;

/** The online metrics under one key of a breakdown (or of a whole campaign); {@code name} is a creator's display name. */
public record OnlineRow(String key, String name, long creators, long posts, long impressions, long accountsReached,
                        long engagements) {

    public OnlineFigures figures() {
        return new OnlineFigures(creators, posts, impressions, accountsReached, engagements);
    }

    public boolean isEmpty() {
        return creators == 0 && posts == 0 && impressions == 0 && accountsReached == 0 && engagements == 0;
    }
}
