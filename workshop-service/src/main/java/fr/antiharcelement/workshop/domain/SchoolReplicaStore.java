package fr.antiharcelement.workshop.domain;

import java.util.Optional;

/** Where the replica of the school directory is kept. A school read from it is written back when the transaction commits. */
public interface SchoolReplicaStore {

    Optional<SchoolReplica> withUai(String uai);

    void add(SchoolReplica school);
}
