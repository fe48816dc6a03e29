package fr.antiharcelement.infra.launcher;

import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code ./run token}: the audience and namespaced role the services require, an hour unless --hours says more. */
class TokenCommandTest {

    /** Shared by the tests: generating the key pair is most of their time. */
    @TempDir
    static Path local;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream systemOut;
    private PrintStream systemErr;

    @BeforeEach
    void capture() {
        systemOut = System.out;
        systemErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(systemOut);
        System.setErr(systemErr);
    }

    @Test
    void aPartnerTokenCarriesTheAudienceTheNamespacedRoleAndThePartnerForOneHour() throws Exception {
        assertThat(TokenCommand.run(local, List.of("partner", "e-enfance"))).isZero();

        JwtClaims claims = claimsOfTheLastLine();
        assertThat(claims.getAudience()).containsExactly("antiharcelement-api");
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("campaign:partner");
        assertThat(claims.getStringClaimValue("partner")).isEqualTo("e-enfance");
        assertThat(claims.getIssuer()).isEqualTo("urn:antiharcelement:local");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(3600);
    }

    @Test
    void hoursAsksForALongerTokenUpToTheServicesMaximumAge() throws Exception {
        assertThat(TokenCommand.run(local, List.of("viewer", "--hours", "12"))).isZero();

        JwtClaims claims = claimsOfTheLastLine();
        assertThat(claims.getStringListClaimValue("groups")).containsExactly("campaign:viewer");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(12 * 3600);
    }

    @Test
    void aLifetimeTheServicesWouldRefuseOrAMalformedCommandMintsNothing() {
        for (List<String> arguments : List.of(List.of("admin", "--hours", "13"), List.of("admin", "--hours", "0"),
                List.of("admin", "--hours"), List.of("admin", "extra"), List.of("root"), List.of("partner"))) {
            assertThat(TokenCommand.run(local, arguments)).as("%s", arguments).isEqualTo(2);
        }
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--hours takes 1 to 12").contains("Usage: ./run token");
    }

    /** The token's claims, read without checking its signature (the services' tests check signatures). */
    private JwtClaims claimsOfTheLastLine() throws Exception {
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        String token = lines.get(lines.size() - 1);
        return new JwtConsumerBuilder().setSkipAllValidators().setDisableRequireSignature().setSkipSignatureVerification()
                .build().processToClaims(token);
    }
}
