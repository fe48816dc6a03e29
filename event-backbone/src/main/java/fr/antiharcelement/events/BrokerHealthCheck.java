package fr.antiharcelement.events;

import fr.antiharcelement.events.outbox.OutboxRelay;
import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import java.time.Duration;

/**
 * Kafka's state, in its own group ({@code /q/health/group/kafka}) and not in readiness. Every write goes through the
 * outbox, so a service whose broker is down still answers every request: taking its instances out of rotation then
 * would turn a delay of events into an outage. Readiness checks what requests need, the database; this says whether
 * events flow (the broker answers, the relay publishes) and how much waits, for operators and alerts.
 */
@HealthGroup("kafka")
@ApplicationScoped
public class BrokerHealthCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    TopicAdmin admin;

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("Kafka broker")
                .withData("outboxBacklog", relay.backlog()).withData("outboxParked", relay.parked());
        try {
            health.withData("clusterId", admin.clusterId(TIMEOUT));
        } catch (Exception unreachable) {
            return health.down().withData("error", "the broker did not answer within " + TIMEOUT.toSeconds() + " s").build();
        }
        return health.status(!relay.brokerFailing()).build();
    }
}
