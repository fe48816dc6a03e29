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
     * Readies the store for a load larger than what it holds (the first import of the national directory): what it
     * keeps up to date school by school for searches is built once the schools are in, by {@link BulkLoad#finish()}
     * in the same transaction. Until that transaction ends, reading the schools waits for it.
     */
    BulkLoad beginBulkLoad();

    /** A load begun by {@link #beginBulkLoad()}. */
    interface BulkLoad {

        /** Nothing to finish: a load that leaves the store as it keeps itself. */
        BulkLoad NONE = () -> {
        };

        /** Builds what the load left aside; the schools are then searchable as usual. */
        void finish();
    }
}
