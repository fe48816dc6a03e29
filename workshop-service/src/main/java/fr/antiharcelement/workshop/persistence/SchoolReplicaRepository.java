package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.workshop.domain.SchoolReplica;
import fr.antiharcelement.workshop.domain.SchoolReplicaStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

@ApplicationScoped
public class SchoolReplicaRepository implements PanacheRepositoryBase<SchoolReplica, String>, SchoolReplicaStore {

    @Override
    public Optional<SchoolReplica> withUai(String uai) {
        return findByIdOptional(uai);
    }

    @Override
    public void add(SchoolReplica school) {
        persist(school);
    }
}
