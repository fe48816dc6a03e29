package fr.antiharcelement.reach.domain;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Where the projection writes, inside the consumer's transaction: the totals are exact after every committed batch. */
public interface ProjectionStore {

    /** Saves the schools of a batch; the last state of a school in the list wins. */
    void saveSchools(List<SchoolState> schools);

    void saveCampaign(CampaignState campaign);

    /** Saves partner names by partner code; a null name keeps the name already known. */
    void savePartners(Map<String, String> names);

    /**
     * The contributions stored for these workshops, by workshop, their rows locked until the transaction ends: a second
     * transaction applying the same workshops waits here, then reads what this one stored. A workshop not seen yet has
     * none, and no row to lock (see {@link #addContributions}).
     */
    Map<UUID, Contribution> lockContributions(Collection<UUID> workshopIds);

    /**
     * Stores the contributions of workshops seen for the first time; at most one per workshop. Never overwrites: if
     * another transaction stored one of them since {@link #lockContributions}, it fails and nothing is stored.
     */
    void addContributions(Collection<Contribution> contributions);

    /** Replaces the stored contributions of these workshops, locked by {@link #lockContributions}; at most one per workshop. */
    void replaceContributions(Collection<Contribution> contributions);

    /** Adds a batch's differences (per key, then per campaign) to the running totals. */
    void addToTotals(Map<Contribution.Key, Map<String, Counters>> differences);

    /**
     * Adds a batch's differences to the schools' rows of the running totals (keys of the school dimension), each
     * row's count of schools reached following from its completed workshops (1 while it has any, else 0); returns
     * the completed workshops of each row changed, per audience and per class level, after the addition, by campaign
     * and school.
     */
    Map<SchoolKey, CompletedWorkshops> addToSchoolTotals(Map<Contribution.Key, Map<String, Counters>> differences);

    /** Adds to the delivered counts per school and key; returns the count of each school changed, after the addition. */
    Map<SchoolKey, Long> addToSchools(Map<SchoolKey, Long> delivered);

    /**
     * Records that this transaction changed the projection: moves the totals' "as of" to {@code newest} (null when
     * no event of the batch had a time) unless they are already as of later, and tells every reach instance once it
     * commits, so that none answers from memory what this changed.
     */
    void recordApplied(Instant newest);
}
