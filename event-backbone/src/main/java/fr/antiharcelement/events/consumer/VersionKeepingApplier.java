package fr.antiharcelement.events.consumer;

import java.util.List;
import java.util.Set;
import java.util.function.ToIntFunction;

/**
 * An applier that keeps, for some of its topics, the newest version it applied of each aggregate beside the state that
 * version produced (reach keeps a workshop's on its contribution row), so that the consumer writes no
 * {@code consumed_version} row for their events: one row fewer per event, where rows written are what a projection's
 * ingest costs. For those topics the consumer passes every aggregate's newest event of the batch, claimed by nobody;
 * the applier keeps the claim's guarantee itself, in the consumer's transaction:
 * <ul>
 *   <li>it locks the rows holding those versions before it reads them, so that a second consumer holding the same events
 *   (a member the group expelled whose transaction still runs) waits, then reads what the first committed;</li>
 *   <li>it applies an event only if it is newer than the version it holds;</li>
 *   <li>it inserts the aggregates it held no row for without ever overwriting one: if another transaction inserted one
 *   meanwhile, the insert fails on its unique key, the batch rolls back, and the consumer applies its events one by
 *   one, each then reading what the other committed.</li>
 * </ul>
 */
public interface VersionKeepingApplier extends EventApplier {

    /** The topics whose versions this applier keeps. */
    Set<String> versionedTopics();

    /**
     * Applies the events, those of {@link #versionedTopics()} only when newer than what it holds; returns how many of
     * those it left as not newer.
     */
    int applyNewer(List<IncomingEvent> events);

    @Override
    default void apply(List<IncomingEvent> events) {
        applyNewer(events);
    }

    /** An applier keeping the versions of {@code topics}, whose {@link #applyNewer} is {@code applyNewer}. */
    static VersionKeepingApplier of(Set<String> topics, ToIntFunction<List<IncomingEvent>> applyNewer) {
        Set<String> versioned = Set.copyOf(topics);
        return new VersionKeepingApplier() {
            @Override
            public Set<String> versionedTopics() {
                return versioned;
            }

            @Override
            public int applyNewer(List<IncomingEvent> events) {
                return applyNewer.applyAsInt(events);
            }
        };
    }

    /**
     * {@code applier} as a version-keeping one: itself if it is, else one keeping no topic's versions (every event it
     * gets was claimed, so it leaves none as not newer).
     */
    static VersionKeepingApplier of(EventApplier applier) {
        return applier instanceof VersionKeepingApplier keeper ? keeper : of(Set.of(), events -> {
            applier.apply(events);
            return 0;
        });
    }
}
