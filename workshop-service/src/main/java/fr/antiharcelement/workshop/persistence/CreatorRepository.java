package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.workshop.domain.creator.Creator;
import fr.antiharcelement.workshop.domain.creator.CreatorStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class CreatorRepository implements PanacheRepositoryBase<Creator, String>, CreatorStore {

    @Override
    public Optional<Creator> withHandle(String handle) {
        return findByIdOptional(handle);
    }

    @Override
    public Optional<Creator> lockWithHandle(String handle) {
        return findByIdOptional(handle, LockModeType.PESSIMISTIC_WRITE);
    }

    @Override
    public List<Creator> byHandle() {
        return listAll(Sort.by("handle"));
    }

    @Override
    public void add(Creator creator) {
        persist(creator);
    }
}
