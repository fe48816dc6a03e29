package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.Partner;
import fr.antiharcelement.workshop.domain.PartnerStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Partner associations in {@code partner}, over JDBC on the transaction's connection. */
@ApplicationScoped
public class PartnerRepository implements PartnerStore {

    private static final String SELECT = "select code, name, created_at from partner ";

    /** Names read so far: a partner's name is set once, at registration, and no API renames one. */
    private final Map<String, String> names = new ConcurrentHashMap<>();

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<Partner> withCode(String code) {
        return Jdbc.first(dataSource, SELECT + "where code = ?", statement -> statement.setString(1, code), PartnerRepository::partner);
    }

    /**
     * Read once per partner and instance: every change of a workshop publishes its partner's name. Were partners ever
     * renamed, this would have to forget a name on the rename's event.
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
        return Jdbc.query(dataSource, SELECT + "order by name, code", Jdbc.Binder.NONE, PartnerRepository::partner);
    }

    @Override
    public void add(Partner partner) {
        Jdbc.update(dataSource, "insert into partner (code, name, created_at) values (?, ?, ?)", statement -> {
            statement.setString(1, partner.code);
            statement.setString(2, partner.name);
            statement.setObject(3, partner.createdAt);
        });
    }

    private static Partner partner(ResultSet row) throws SQLException {
        Partner partner = new Partner();
        partner.code = row.getString(1);
        partner.name = row.getString(2);
        partner.createdAt = Rows.time(row, 3);
        return partner;
    }
}
