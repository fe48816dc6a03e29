package fr.antiharcelement.events;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Creates the topics this service uses when they do not exist yet, with the configured partition count. */
@ApplicationScoped
public class TopicAdmin {

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    EventsConfig config;

    private final Set<String> known = ConcurrentHashMap.newKeySet();
    private Admin admin;

    /** Makes sure {@code topic} exists; cheap after the first call. Throws if Kafka cannot be reached. */
    public void ensure(String topic) {
        if (known.contains(topic)) {
            return;
        }
        try {
            if (!admin().listTopics().names().get(10, TimeUnit.SECONDS).contains(topic)) {
                admin().createTopics(List.of(new NewTopic(topic, config.topicPartitions(), (short) 1)))
                        .all().get(10, TimeUnit.SECONDS);
            }
            known.add(topic);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof TopicExistsException) {
                known.add(topic);
                return;
            }
            throw new IllegalStateException("Cannot create topic " + topic + ": " + e.getCause(), e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer about topic " + topic, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while creating topic " + topic, e);
        }
    }

    /** The broker's cluster id if it answers within {@code timeout}; throws otherwise (for the broker health check). */
    public String clusterId(java.time.Duration timeout) throws Exception {
        return admin().describeCluster().clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(KafkaClients.secured(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) config.outbox().brokerTimeout().toMillis(),
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) config.outbox().deliveryTimeout().toMillis())));
        }
        return admin;
    }

    synchronized void close(@Observes ShutdownEvent shutdown) {
        if (admin != null) {
            admin.close();
        }
    }
}
