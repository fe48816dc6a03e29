package fr.antiharcelement.infra.testing.fuzz;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.RandomGenerator;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Random;

/**
 * Values drawn from jqwik's generators with the run's one {@link Random}, so that a seed replays the whole run;
 * each arbitrary's generator is made once.
 */
final class Draws {

    private static final int GENERATION_SIZE = 1000;

    private final Random random;
    private final Map<Arbitrary<?>, RandomGenerator<?>> generators = new IdentityHashMap<>();

    Draws(Random random) {
        this.random = random;
    }

    /** The run's random numbers, for the choices that need no generator. */
    Random random() {
        return random;
    }

    @SuppressWarnings("unchecked")
    <T> T next(Arbitrary<T> arbitrary) {
        RandomGenerator<T> generator = (RandomGenerator<T>) generators.computeIfAbsent(arbitrary,
                key -> key.generator(GENERATION_SIZE, true));
        return generator.next(random).value();
    }
}
