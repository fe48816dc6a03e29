package fr.antiharcelement.events;

import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaClientsTest {

    @Test
    void theBrokersCredentialsReachEveryClientAndNothingElseDoes() {
        Config config = new SmallRyeConfigBuilder().withDefaultValues(Map.of(
                "kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "SCRAM-SHA-512",
                "kafka.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"reach-service\" password=\"x\";",
                "kafka.bootstrap.servers", "elsewhere:9092",
                "kafka.linger.ms", "50")).build();

        Map<String, Object> client = KafkaClients.secured(Map.of("bootstrap.servers", "kafka:9092", "group.id", "reach-service.projection"), config);

        assertThat(client).containsEntry("security.protocol", "SASL_PLAINTEXT").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsEntry("bootstrap.servers", "kafka:9092").containsEntry("group.id", "reach-service.projection")
                .doesNotContainKey("linger.ms");
        assertThat((String) client.get("sasl.jaas.config")).contains("username=\"reach-service\"");
    }

    @Test
    void withoutSecuritySettingsAClientIsLeftAsItWas() {
        Config config = new SmallRyeConfigBuilder().build();
        assertThat(KafkaClients.secured(Map.of("bootstrap.servers", "127.0.0.1:19092"), config))
                .isEqualTo(Map.of("bootstrap.servers", "127.0.0.1:19092"));
    }
}
