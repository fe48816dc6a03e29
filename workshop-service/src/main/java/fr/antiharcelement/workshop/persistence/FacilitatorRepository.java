package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.workshop.domain.Facilitator;
import fr.antiharcelement.workshop.domain.FacilitatorStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class FacilitatorRepository implements PanacheRepositoryBase<Facilitator, UUID>, FacilitatorStore {

    @Override
    public Optional<Facilitator> withId(UUID id) {
        return findByIdOptional(id);
    }

    @Override
    public List<Facilitator> ofPartner(String partnerCode) {
        return list("partnerCode", Sort.by("displayName"), partnerCode);
    }

    @Override
    public void add(Facilitator facilitator) {
        persist(facilitator);
    }
}
