package fr.antiharcelement.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;

/** The absolute classpath of this module, written at build time, so that child JVMs can be started on it. */
public final class RuntimeClasspath {

    private RuntimeClasspath() {
    }

    public static String get() {
        try (InputStream in = RuntimeClasspath.class.getResourceAsStream("runtime.classpath")) {
            if (in == null) {
                throw new IllegalStateException("runtime.classpath is missing: build local-infra with Maven first");
            }
            String dependencies = new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
            return ownLocation() + java.io.File.pathSeparator + dependencies;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String ownLocation() {
        try {
            return Paths.get(RuntimeClasspath.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The java binary of the running JVM, so that children run on the same JDK. */
    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
