package fr.antiharcelement.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** The local infrastructure's data directories: {@code ./run --fresh} and each test JVM start from empty ones. */
public final class DataDirectories {

    private DataDirectories() {
    }

    /** Deletes {@code directory} and everything in it; nothing happens when it does not exist. */
    public static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not delete " + directory, e);
        }
    }
}
