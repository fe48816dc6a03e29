package fr.antiharcelement.school.persistence;

import io.smallrye.health.api.HealthGroup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;

/**
 * Whether the school table's search indexes are all built ({@code /q/health/group/search}), in a group of its own
 * and not in readiness: after a first load of the directory they are built in the background ({@link DeferredIndexes}),
 * and searches answer meanwhile, only more slowly. Taking instances out of rotation for that would be an outage.
 */
@HealthGroup("search")
@ApplicationScoped
public class SearchIndexHealthCheck implements HealthCheck {

    @Inject
    DeferredIndexes deferredIndexes;

    @Override
    public HealthCheckResponse call() {
        long pending = deferredIndexes.pending();
        return HealthCheckResponse.named("School search indexes").up().withData("indexesToBuild", pending).build();
    }
}
