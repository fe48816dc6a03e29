package fr.antiharcelement.events.consumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/** Liveness: every consumer's poll thread is running (a dead one would silently stop applying events). */
@Liveness
@ApplicationScoped
public class ConsumersHealthCheck implements HealthCheck {

    @Inject
    EventConsumers consumers;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder health = HealthCheckResponse.named("Event consumers");
        boolean allAlive = true;
        for (var consumer : consumers.alive().entrySet()) {
            allAlive &= consumer.getValue();
            health.withData(consumer.getKey(), consumer.getValue()
                    ? "running, lag " + consumers.lagRecords(consumer.getKey()) + " records" : "stopped");
        }
        return health.status(allAlive).build();
    }
}
