package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.workshop.domain.creator.MetricSnapshot;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The snapshots of posts' figures, for {@link CreatorPostRepository}. */
@ApplicationScoped
public class MetricSnapshotRepository implements PanacheRepositoryBase<MetricSnapshot, Long> {
}
