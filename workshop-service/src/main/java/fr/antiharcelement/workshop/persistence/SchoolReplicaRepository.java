package fr.antiharcelement.workshop.persistence;

import fr.antiharcelement.kernel.sql.Jdbc;
import fr.antiharcelement.workshop.domain.SchoolReplica;
import fr.antiharcelement.workshop.domain.SchoolReplicaStore;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;

/** The school replica in {@code school_replica}, over JDBC on the consumer's (or the request's) transaction. */
@ApplicationScoped
public class SchoolReplicaRepository implements SchoolReplicaStore {

    @Inject
    AgroalDataSource dataSource;

    @Override
    public Optional<SchoolReplica> withUai(String uai) {
        return Jdbc.first(dataSource, "select uai, name, academy_code, status, school_type, version from school_replica where uai = ?",
                statement -> statement.setString(1, uai), row -> {
                    SchoolReplica school = new SchoolReplica();
                    school.uai = row.getString(1);
                    school.name = row.getString(2);
                    school.academyCode = row.getString(3);
                    school.status = row.getString(4);
                    school.schoolType = row.getString(5);
                    school.version = row.getLong(6);
                    return school;
                });
    }

    /** One statement, whether the school is new here or known. */
    @Override
    public void put(SchoolReplica school) {
        Jdbc.update(dataSource, """
                insert into school_replica (uai, name, academy_code, status, school_type, version) values (?, ?, ?, ?, ?, ?)
                on conflict (uai) do update set name = excluded.name, academy_code = excluded.academy_code,
                  status = excluded.status, school_type = excluded.school_type, version = excluded.version""", statement -> {
            statement.setString(1, school.uai);
            statement.setString(2, school.name);
            statement.setString(3, school.academyCode);
            statement.setString(4, school.status);
            statement.setString(5, school.schoolType);
            statement.setLong(6, school.version);
        });
    }
}
