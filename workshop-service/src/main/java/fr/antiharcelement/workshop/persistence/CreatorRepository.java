package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.creator.Creator;
import fr.antiharcelement.workshop.domain.creator.CreatorStore;
import fr.antiharcelement.workshop.domain.creator.Platform;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** Content creators in {@code creator}, over JDBC on the transaction's connection. */
@ApplicationScoped
public class CreatorRepository implements CreatorStore {

    private static final String SELECT = "select handle, platform, display_name, active, version, created_at, updated_at from creator ";

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<Creator> withHandle(String handle) {
        return one(handle, "");
    }

    @Override
    public Optional<Creator> lockWithHandle(String handle) {
        return one(handle, " for update");
    }

    private Optional<Creator> one(String handle, String lock) {
        return Jdbc.first(dataSource, SELECT + "where handle = ?" + lock, statement -> statement.setString(1, handle),
                CreatorRepository::creator);
    }

    @Override
    public List<Creator> byHandle() {
        return Jdbc.query(dataSource, SELECT + "order by handle", Jdbc.Binder.NONE, CreatorRepository::creator);
    }

    @Override
    public void add(Creator creator) {
        Jdbc.update(dataSource, """
                insert into creator (platform, display_name, active, version, updated_at, handle, created_at)
                values (?, ?, ?, ?, ?, ?, ?)""", statement -> {
            bindState(statement, creator);
            statement.setObject(7, creator.createdAt);
        });
    }

    @Override
    public void save(Creator creator) {
        Jdbc.update(dataSource, "update creator set platform = ?, display_name = ?, active = ?, version = ?, updated_at = ? where handle = ?",
                statement -> bindState(statement, creator));
    }

    /** Parameters 1 to 6 of the insert and of the update alike: the state, then the handle. */
    private static void bindState(PreparedStatement statement, Creator creator) throws SQLException {
        statement.setString(1, Rows.name(creator.platform));
        statement.setString(2, creator.displayName);
        statement.setBoolean(3, creator.active);
        statement.setLong(4, creator.version);
        statement.setObject(5, creator.updatedAt);
        statement.setString(6, creator.handle);
    }

    private static Creator creator(ResultSet row) throws SQLException {
        Creator creator = new Creator();
        creator.handle = row.getString(1);
        creator.platform = Rows.enumOf(Platform.class, row, 2);
        creator.displayName = row.getString(3);
        creator.active = row.getBoolean(4);
        creator.version = row.getLong(5);
        creator.createdAt = Rows.time(row, 6);
        creator.updatedAt = Rows.time(row, 7);
        return creator;
    }
}
