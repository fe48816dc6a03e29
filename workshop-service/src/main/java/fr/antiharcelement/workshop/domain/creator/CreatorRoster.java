package fr.antiharcelement.workshop.domain.creator;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.StaleVersionException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The campaign's content creators: registered, listed and deactivated by campaign staff, every change audited. */
@ApplicationScoped
public class CreatorRoster {

    @Inject
    CreatorStore creators;

    @Inject
    CreatorHistoryStore history;

    @Inject
    Clock clock;

    @Transactional
    public Creator register(String handle, Platform platform, String displayName, String actor) {
        String key = Creator.normalize(handle);
        if (creators.withHandle(key).isPresent()) {
            throw new ConflictException("Creator @" + key + " is registered already");
        }
        OffsetDateTime now = CampaignTime.now(clock);
        Creator creator = new Creator();
        creator.handle = key;
        creator.platform = platform;
        creator.displayName = displayName;
        creator.active = true;
        creator.version = 1;
        creator.createdAt = now;
        creator.updatedAt = now;
        creators.add(creator);
        history.append(new CreatorHistoryEntry(key, now, actor, "registered", Fields.changes(Fields.NOTHING, Fields.of(creator)), null));
        return creator;
    }

    @Transactional
    public List<Creator> all() {
        return creators.byHandle();
    }

    @Transactional
    public Creator find(String handle) {
        return creators.withHandle(Creator.normalize(handle)).orElseThrow(() -> notFound(handle));
    }

    /**
     * No new post may name a deactivated creator; their posts keep counting. Deactivating one already inactive
     * changes nothing (a retry gets the same answer).
     */
    @Transactional
    public Creator deactivate(String handle, Long expectedVersion, String reason, String actor) {
        Creator creator = creators.lockWithHandle(Creator.normalize(handle)).orElseThrow(() -> notFound(handle));
        if (expectedVersion != null) {
            StaleVersionException.check(expectedVersion, creator.version, "Creator @" + creator.handle);
        }
        if (!creator.active) {
            return creator;
        }
        var before = Fields.of(creator);
        OffsetDateTime now = CampaignTime.now(clock);
        creator.active = false;
        creator.version++;
        creator.updatedAt = now;
        creators.save(creator);
        history.append(new CreatorHistoryEntry(creator.handle, now, actor, "deactivated", Fields.changes(before, Fields.of(creator)),
                reason));
        return creator;
    }

    @Transactional
    public List<CreatorHistoryEntry> history(String handle) {
        return history.entriesOf(find(handle).handle);
    }

    static NotFoundException notFound(String handle) {
        return new NotFoundException("No creator @" + Creator.normalize(handle));
    }
}
