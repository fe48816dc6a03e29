package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.Facilitator;
import fr.antiharcelement.workshop.domain.FacilitatorStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Facilitators in {@code facilitator}, over JDBC on the transaction's connection. */
@ApplicationScoped
public class FacilitatorRepository implements FacilitatorStore {

    private static final String SELECT = "select id, partner_code, display_name, contact_email, created_at, deactivated_at from facilitator ";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<Facilitator> withId(UUID id) {
        return Jdbc.first(dataSource, SELECT + "where id = ?", statement -> statement.setObject(1, id), FacilitatorRepository::facilitator);
    }

    @Override
    public List<Facilitator> ofPartner(String partnerCode) {
        return Jdbc.query(dataSource, SELECT + "where partner_code = ? order by display_name, id",
                statement -> statement.setString(1, partnerCode), FacilitatorRepository::facilitator);
    }

    @Override
    public void add(Facilitator facilitator) {
        Jdbc.update(dataSource, """
                insert into facilitator (id, partner_code, display_name, contact_email, created_at, deactivated_at)
                values (?, ?, ?, ?, ?, ?)""", statement -> {
            statement.setObject(1, facilitator.id);
            statement.setString(2, facilitator.partnerCode);
            statement.setString(3, facilitator.displayName);
            statement.setString(4, facilitator.contactEmail);
            statement.setObject(5, facilitator.createdAt);
            statement.setObject(6, facilitator.deactivatedAt);
        });
    }

    @Override
    public void save(Facilitator facilitator) {
        Jdbc.update(dataSource, "update facilitator set display_name = ?, contact_email = ?, deactivated_at = ? where id = ?", statement -> {
            statement.setString(1, facilitator.displayName);
            statement.setString(2, facilitator.contactEmail);
            statement.setObject(3, facilitator.deactivatedAt);
            statement.setObject(4, facilitator.id);
        });
    }

    private static Facilitator facilitator(ResultSet row) throws SQLException {
        Facilitator facilitator = new Facilitator();
        facilitator.id = Rows.uuid(row, 1);
        facilitator.partnerCode = row.getString(2);
        facilitator.displayName = row.getString(3);
        facilitator.contactEmail = row.getString(4);
        facilitator.createdAt = Rows.time(row, 5);
        facilitator.deactivatedAt = Rows.time(row, 6);
        return facilitator;
    }
}
