package fr.antiharcelement.kernel;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * The newest version of each aggregate among full-state events: applying the states of one aggregate in turn comes
 * to the same as applying its newest, so a batch keeps only that one (the first seen when two share a version, which
 * then carry the same state). Order follows each key's first appearance.
 */
public final class Newest {

    private Newest() {
    }

    public static <T, K> List<T> perKey(Collection<T> items, Function<T, K> key, ToLongFunction<T> version) {
        Map<K, T> newest = new LinkedHashMap<>();
        for (T item : items) {
            newest.merge(key.apply(item), item,
                    (kept, candidate) -> version.applyAsLong(candidate) > version.applyAsLong(kept) ? candidate : kept);
        }
        return List.copyOf(newest.values());
    }
}
