package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.workshop.domain.Partner;
import fr.antiharcelement.workshop.domain.PartnerStore;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, String>, PartnerStore {

    @Override
    public Optional<Partner> withCode(String code) {
        return findByIdOptional(code);
    }

    @Override
    public List<Partner> byName() {
        return listAll(Sort.by("name"));
    }

    @Override
    public void add(Partner partner) {
        persist(partner);
    }
}
