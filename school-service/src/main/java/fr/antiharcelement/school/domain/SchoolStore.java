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

    /**
     * The schools of {@code uais} that exist, by UAI, for a bulk import: read as plain objects, locked until the end of
     * the transaction, in UAI order (so that two callers never wait on each other in a circle): a user's change to one
     * of them waits for the import, or the import for it. A change to one is saved by {@link #saveAll}.
     */
    Map<String, School> byUaisForUpdate(Collection<String> uais);

    /**
     * Saves schools of a bulk import, read with {@link #byUaisForUpdate} or new, in a statement per table: inserts
     * {@code created} (a UAI someone registered meanwhile fails the import) and updates {@code changed}.
     */
    void saveAll(Collection<School> created, Collection<School> changed);

    /** Keeps a new school. */
    void add(School school);

    /** Saves the changes made to a school read with {@link #byUaiForUpdate}. */
    void save(School school);

    /** One page of the schools {@code query} matches, sorted by name, then UAI. */
    PageView<School> search(SchoolQuery query, PageRequest page);

    /** How many schools are kept. */
    long count();

    /**
     * Readies the store, in the caller's transaction, for a load larger than what it holds (the first import of the
     * national directory): what it keeps up to date school by school for searches is set aside, and built once that
     * transaction has committed, without holding up the load's caller or later readers (searches answer meanwhile,
     * more slowly). Until the transaction ends, reading the schools waits for it. Returns false if the store keeps
     * its search structures up to date through this load instead (one is being built already).
     */
    boolean beginBulkLoad();
}
