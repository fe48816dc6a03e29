package fr.antiharcelement.infra.testing.fuzz;

import java.util.Optional;

/** Spoils a valid draft in one way and builds the request, or declines when the draft has nothing it can spoil. */
@FunctionalInterface
interface Spoiler {

    Optional<FuzzRequest> spoil(Draft draft);
}
