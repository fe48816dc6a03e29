package fr.antiharcelement.events;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The settings every Kafka client of a service shares beyond the bootstrap servers: how it authenticates. Locally and
 * in the tests the broker is PLAINTEXT and none is set; Docker Compose sets {@code KAFKA_SECURITY_PROTOCOL}
 * ({@code SASL_PLAINTEXT}), {@code KAFKA_SASL_MECHANISM} ({@code SCRAM-SHA-512}) and {@code KAFKA_SASL_JAAS_CONFIG}
 * (the service's own user), and the broker's ACLs let each user write only its own topics (docs/architecture.md,
 * "Kafka security").
 */
public final class KafkaClients {

    /** Client settings passed through from {@code kafka.<setting>} when set (TLS too, for a broker on another host). */
    static final List<String> SECURITY_SETTINGS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type", "ssl.endpoint.identification.algorithm");

    private KafkaClients() {
    }

    /** {@code settings} with the configured security settings added. */
    public static Map<String, Object> secured(Map<String, Object> settings) {
        return secured(settings, ConfigProvider.getConfig());
    }

    static Map<String, Object> secured(Map<String, Object> settings, Config config) {
        Map<String, Object> all = new HashMap<>(settings);
        for (String setting : SECURITY_SETTINGS) {
            config.getOptionalValue("kafka." + setting, String.class).filter(value -> !value.isBlank())
                    .ifPresent(value -> all.put(setting, value));
        }
        return all;
    }
}
