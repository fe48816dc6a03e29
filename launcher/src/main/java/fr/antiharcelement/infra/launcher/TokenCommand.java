package fr.antiharcelement.infra.launcher;

import fr.antiharcelement.infra.security.LocalKeys;
import fr.antiharcelement.infra.security.TokenMinter;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./run token admin|viewer|partner <code> [--hours N]}: prints a bearer token, alone on the last line. It
 * carries the services' audience and namespaced role, and lives an hour unless {@code --hours} asks for more, up to
 * the services' maximum token age (12 hours).
 */
final class TokenCommand {

    private static final String USAGE = "Usage: ./run token admin|viewer|partner <partnerCode> [--hours 1-"
            + TokenMinter.MAXIMUM_LIFETIME.toHours() + "]";

    private TokenCommand() {
    }

    static int run(Path local, List<String> given) {
        List<String> arguments = new ArrayList<>(given);
        Duration lifetime = TokenMinter.DEFAULT_LIFETIME;
        int flag = arguments.indexOf("--hours");
        if (flag >= 0) {
            String hours = flag + 1 < arguments.size() ? arguments.get(flag + 1) : "";
            if (!hours.matches("[0-9]{1,2}") || Integer.parseInt(hours) < 1
                    || Integer.parseInt(hours) > TokenMinter.MAXIMUM_LIFETIME.toHours()) {
                System.err.println("--hours takes 1 to " + TokenMinter.MAXIMUM_LIFETIME.toHours()
                        + ": the services refuse a token older than that whatever its expiry.");
                System.err.println(USAGE);
                return 2;
            }
            lifetime = Duration.ofHours(Integer.parseInt(hours));
            arguments.subList(flag, flag + 2).clear();
        }
        TokenMinter minter = new TokenMinter(LocalKeys.ensure(local.resolve("keys")).privateKey(), TokenMinter.LOCAL_ISSUER);
        String role = arguments.isEmpty() ? "" : arguments.get(0);
        String token;
        switch (role) {
            case "admin" -> token = arguments.size() == 1 ? minter.admin(lifetime) : null;
            case "viewer" -> token = arguments.size() == 1 ? minter.viewer(lifetime) : null;
            case "partner" -> {
                if (arguments.size() != 2 || !arguments.get(1).matches("[a-z0-9][a-z0-9-]{1,62}")) {
                    System.err.println("Usage: ./run token partner <partnerCode> [--hours N]   (e.g. e-enfance)");
                    return 2;
                }
                token = minter.partner(arguments.get(1), lifetime);
            }
            default -> token = null;
        }
        if (token == null) {
            System.err.println(USAGE);
            return 2;
        }
        System.err.println("# " + role + " token (role campaign:" + role + ", audience " + TokenMinter.AUDIENCE + "), valid "
                + lifetime.toHours() + (lifetime.toHours() == 1 ? " hour" : " hours")
                + "; use it as: Authorization: Bearer <token>");
        System.out.println(token);
        return 0;
    }
}
