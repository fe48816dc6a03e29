package fr.antiharcelement.reach.domain.online;

import fr.antiharcelement.kernel.Newest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies a batch's creator posts to the online totals, in the consumer's transaction, as the reach projection does for
 * workshops: each post's new state replaces what its previous one contributed ({@link OnlineDifference}). Nothing here
 * touches the students and parents sensitised.
 */
@ApplicationScoped
public class OnlineProjection {

    @Inject
    OnlineStore store;

    public void apply(List<CampaignOnlineTargets> targets, List<CreatorPostState> posts) {
        if (!targets.isEmpty()) {
            store.saveTargets(targets);
        }
        if (posts.isEmpty()) {
            return;
        }
        // The newest state of each post only, as for workshops: the same result, each row written once.
        List<OnlineContribution> incoming = Newest.perKey(posts, CreatorPostState::id, CreatorPostState::version).stream()
                .map(CreatorPostState::contribution).toList();
        Map<UUID, OnlineContribution> previous = store.contributions(incoming.stream().map(OnlineContribution::postId).toList());
        OnlineDifference difference = new OnlineDifference();
        for (OnlineContribution next : incoming) {
            difference.replace(previous.get(next.postId()), next);
        }
        store.saveContributions(incoming);
        difference.countCreators(store.addToCreators(difference.postsPerCreator()));
        store.addToTotals(difference.totals());
        Map<String, String> names = new HashMap<>();
        posts.forEach(post -> names.put(post.creatorHandle(), post.creatorName()));
        store.saveCreators(names);
    }
}
