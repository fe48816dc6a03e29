package fr.antiharcelement.reach.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Reads dashboards repeat, kept in memory with the generation of {@link ProjectionChanges} they were read at and
 * answered from there while it has not moved: it moves as soon as any instance commits a change to the projection, so
 * every instance answers fresh figures. A read is kept at the generation seen before it went to the database, never
 * after: a change committed meanwhile moves the generation past it. While changes cannot be heard (generation -1)
 * every read goes to the database.
 *
 * @param <K> what a read is asked for (a campaign code, a campaign and a breakdown)
 * @param <T> what it returns
 */
final class KeptReads<K, T> {

    /** What a read returned, and the generation it was read at. */
    private record Kept<T>(long generation, T value) {
    }

    private final LongSupplier generation;
    private final Predicate<T> worthKeeping;
    private final Map<K, Kept<T>> kept = new ConcurrentHashMap<>();

    /**
     * {@code worthKeeping} says which answers may be kept: keys come from requests, so an answer that says "nothing
     * known under this key" is not kept, or any caller could grow the map without bound.
     */
    KeptReads(LongSupplier generation, Predicate<T> worthKeeping) {
        this.generation = generation;
        this.worthKeeping = worthKeeping;
    }

    T get(K key, Supplier<T> read) {
        long current = generation.getAsLong();
        Kept<T> found = kept.get(key);
        if (current >= 0 && found != null && found.generation() == current) {
            return found.value();
        }
        T value = read.get();
        if (current >= 0 && worthKeeping.test(value)) {
            kept.put(key, new Kept<>(current, value));
        }
        return value;
    }
}
