package fr.antiharcelement.school.domain;

import fr.antiharcelement.kernel.paging.PageRequest;
import fr.antiharcelement.kernel.paging.PageView;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** Where the schools are kept. Every method runs in the caller's transaction; {@code persistence} implements it. */
public interface SchoolStore {

    Optional<School> byUai(String uai);

    /** The school, locked until the end of the transaction: concurrent changes to it take turns. */
    Optional<School> byUaiForUpdate(String uai);

    /** The schools of {@code uais} that exist, by UAI. */
    Map<String, School> byUais(Collection<String> uais);

    /**
     * The same, locked until the end of the transaction, in UAI order (so that two callers never wait on each other
     * in a circle): a user's change to one of them waits for the import, or the import for it.
     */
    Map<String, School> byUaisForUpdate(Collection<String> uais);

    /** Keeps a new school; its later changes are saved with the transaction. */
    void add(School school);

    /** One page of the schools {@code query} matches, sorted by name, then UAI. */
    PageView<School> search(SchoolQuery query, PageRequest page);

    /**
     * Saves the changes made so far and forgets the schools loaded: a bulk import that calls it after each chunk keeps
     * only one chunk in memory.
     */
    void flushAndForget();
}
