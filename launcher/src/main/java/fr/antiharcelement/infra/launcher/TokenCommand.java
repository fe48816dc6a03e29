package fr.antiharcelement.infra.launcher;

import fr.antiharcelement.infra.security.LocalKeys;
import fr.antiharcelement.infra.security.TokenMinter;

import java.nio.file.Path;
import java.util.List;

/** {@code ./run token admin|viewer|partner <code>}: prints a bearer token, alone on the last line. */
final class TokenCommand {

    private TokenCommand() {
    }

    static int run(Path local, List<String> arguments) {
        TokenMinter minter = new TokenMinter(LocalKeys.ensure(local.resolve("keys")).privateKey(), TokenMinter.LOCAL_ISSUER);
        String role = arguments.isEmpty() ? "" : arguments.get(0);
        String token;
        switch (role) {
            case "admin" -> token = minter.admin();
            case "viewer" -> token = minter.viewer();
            case "partner" -> {
                if (arguments.size() != 2 || !arguments.get(1).matches("[a-z0-9][a-z0-9-]{1,62}")) {
                    System.err.println("Usage: ./run token partner <partnerCode>   (e.g. e-enfance)");
                    return 2;
                }
                token = minter.partner(arguments.get(1));
            }
            default -> {
                System.err.println("Usage: ./run token admin|viewer|partner <partnerCode>");
                return 2;
            }
        }
        System.err.println("# " + role + " token, valid 12 hours; use it as: Authorization: Bearer <token>");
        System.out.println(token);
        return 0;
    }
}
