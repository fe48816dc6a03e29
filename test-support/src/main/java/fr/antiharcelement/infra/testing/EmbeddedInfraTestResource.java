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
        return Map.of(
                "quarkus.datasource.jdbc.url", infra.postgres().jdbcUrl(database),
                "quarkus.datasource.username", LocalPostgres.USER,
                "quarkus.datasource.password", "unused-trust-auth",
                "kafka.bootstrap.servers", infra.kafka().bootstrapServers(),
                "mp.jwt.verify.publickey.location", infra.keys().publicKeyFile().toUri().toString(),
                "mp.jwt.verify.issuer", fr.antiharcelement.infra.security.TokenMinter.LOCAL_ISSUER);
    }

    @Override
    public void stop() {
        // Shared by every test class of the JVM; TestInfrastructure stops it when the JVM exits.
    }
}
