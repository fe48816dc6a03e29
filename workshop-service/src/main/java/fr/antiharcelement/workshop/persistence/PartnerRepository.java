package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.Partner;
import fr.antiharcelement.workshop.domain.PartnerStore;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

@ApplicationScoped
public class PartnerRepository implements PanacheRepositoryBase<Partner, String>, PartnerStore {

    /** Names read so far: a partner's name is set once, at registration, and no API renames one. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<Partner> withCode(String code) {
        return findByIdOptional(code);
    }

    /**
     * Read once per partner and instance, over plain JDBC: every change of a workshop publishes its partner's name, and
     * a Hibernate lookup there opened a session in a request that otherwise needs none. Were partners ever renamed,
     * this would have to forget a name on the rename's event.
     */
    @Override
    public Optional<String> nameOf(String code) {
        String known = names.get(code);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> read = Jdbc.first(dataSource, "select name from partner where code = ?", query -> query.setString(1, code),
                row -> row.getString(1));
        read.ifPresent(name -> names.put(code, name));
        return read;
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
