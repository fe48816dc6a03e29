package fr.antiharcelement.infra.testing;

import fr.antiharcelement.infra.postgres.LocalPostgres;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.util.Map;

/**
 * Points a service under test at the real PostgreSQL and Kafka of {@link TestInfrastructure}, with a database
 * of its own (init argument {@code database}) and the local token verification key.
 */
public class EmbeddedInfraTestResource implements QuarkusTestResourceLifecycleManager {

    private String database = "service";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        TestInfrastructure infra = TestInfrastructure.get();
        infra.postgres().ensureDatabase(database);
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database),
                "quarkus.datasource.username", LocalPostgres.USER,
                "quarkus.datasource.password", "unused-trust-auth",
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers(),
                "mp.jwt.verify.publickey.location", infra.keys().publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", fr.antiharcelement.infra.security.TokenMinter.LOCAL_ISSUER,
                // An identity provider's own role name mapped onto ours, as README's "Tokens" tells operators to.
                "quarkus.http.auth.roles-mapping.\"" + TestTokens.IDP_STAFF_ROLE + "\"", fr.antiharcelement.infra.security.TokenMinter.ADMIN));
        // Tests write as fast as they can with a few tokens (the fuzzer alone sends thousands of requests as admin): a
        // budget far above that, as for the services ChildService runs, and a small one for two subjects, so that spending
        // it takes a few requests.
        config.put("api.request-budget.burst", "1000000");
        config.put("api.request-budget.per-second", "1000000");
        for (String probe : java.util.List.of(TestTokens.BUDGET_PROBE, TestTokens.OTHER_BUDGET_PROBE)) {
            config.put("api.request-budget.subjects.\"" + probe + "\".burst", "3");
            config.put("api.request-budget.subjects.\"" + probe + "\".per-second", "0.05");
        }
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; TestInfrastructure stops it when the JVM exits.
    }
}
