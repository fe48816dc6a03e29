package fr.antiharcelement.infra.launcher;

import fr.antiharcelement.infra.security.TokenMinter;

import java.nio.file.Path;
import java.util.function.Consumer;

/** {@code ./run --demo}: loads demo data through the services' own HTTP APIs, as a user would. */
final class DemoData {

    private DemoData() {
    }

    static void load(Path root, TokenMinter tokens, Consumer<String> say) {
        say.accept("Demo data: nothing to load yet.");
    }
}
