package fr.antiharcelement.infra.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * The RSA key pair that signs local tokens. Generated on first use and kept in a git-ignored directory: the
 * services only ever see the public half, and a private key is never committed.
 */
public final class LocalKeys {

    public static final String PUBLIC_KEY_FILE = "jwt-public.pem";
    private static final String PRIVATE_KEY_FILE = "jwt-private.pem";

    private final Path directory;

    private LocalKeys(Path directory) {
        this.directory = directory;
    }

    /** Returns the key pair kept in {@code directory}, generating it if it is not there yet. */
    public static LocalKeys ensure(Path directory) {
        LocalKeys keys = new LocalKeys(directory);
        if (!Files.exists(keys.privateKeyFile())) {
            keys.generate();
        }
        return keys;
    }

    public Path publicKeyFile() {
        return directory.resolve(PUBLIC_KEY_FILE);
    }

    private Path privateKeyFile() {
        return directory.resolve(PRIVATE_KEY_FILE);
    }

    public PrivateKey privateKey() {
        try {
            String pem = Files.readString(privateKeyFile());
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Unreadable private key in " + privateKeyFile(), e);
        }
    }

    private void generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.createDirectories(directory);
            Path privateFile = privateKeyFile();
            Files.writeString(privateFile, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
            try {
                Files.setPosixFilePermissions(privateFile, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // A file system without POSIX permissions keeps the default ones.
            }
            Files.writeString(publicKeyFile(), pem("PUBLIC KEY", pair.getPublic().getEncoded()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available in this JVM", e);
        }
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }
}
