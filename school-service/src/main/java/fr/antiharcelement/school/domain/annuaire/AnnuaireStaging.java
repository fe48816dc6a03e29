package fr.antiharcelement.school.domain.annuaire;

import fr.antiharcelement.school.domain.School;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where an import keeps its valid rows between reading the file and upserting the schools, so that a national file
 * never sits in memory. It lives as long as the import's transaction; {@code persistence} implements it.
 */
public interface AnnuaireStaging {

    /**
     * Stages every row of {@code rows}, each as soon as it is read, then makes them readable by UAI; called once per
     * import, in its transaction. Reading the next row (parsing the file) and storing the previous ones overlap.
     * Imports take turns across every instance of the service: this first waits until no other import's transaction
     * is open, so that two imports never upsert the same school from the same version at once (two events of one
     * version), nor insert it twice. A row that cannot be read (the file turns out unreadable) ends the staging with
     * the reader's own exception; the import's transaction, rolled back, keeps nothing. Gives the number of rows staged.
     */
    long stage(Stream<StagedRow> rows);

    /**
     * The lines of establishments another line describes too, each with the line kept for it: per UAI the main line
     * (not an annex) is kept, else the first, as in {@link #chunk}, {@link #keptRowsOfSchools} and {@link #registerNew}.
     */
    List<ImportReport.MergedLine> mergedLines();

    /**
     * The next {@code limit} establishments after {@code afterUai}, in UAI order, as {@link #registerNew} takes them:
     * the last one's UAI, how many there are, and those that have a school; empty after the last establishment.
     */
    Optional<Chunk> chunk(String afterUai, int limit);

    /** A chunk of the file's establishments: the UAI of its last one, how many it has, and those that have a school. */
    record Chunk(String lastUai, int establishments, List<String> withSchool) {
    }

    /** The kept line of each of {@code uais}, establishments that have a school, with that school, in UAI order. */
    List<KeptRow> keptRowsOfSchools(Collection<String> uais);

    /**
     * Registers every establishment after {@code afterUai}, up to {@code lastUai} included, but those of
     * {@code withSchool}, as its kept line's {@link StagedRow#registration()}, at {@code registeredAt}: one statement
     * for them all. Gives the schools registered. A UAI someone registered since {@code withSchool} was read fails
     * the import.
     */
    List<School> registerNew(String afterUai, String lastUai, Collection<String> withSchool, OffsetDateTime registeredAt);
}
