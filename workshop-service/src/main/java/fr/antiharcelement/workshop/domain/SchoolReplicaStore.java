package fr.antiharcelement.workshop.domain;

import java.util.Optional;

/** Where the replica of the school directory is kept. */
public interface SchoolReplicaStore {

    Optional<SchoolReplica> withUai(String uai);

    /** Keeps {@code school} as given, whether the replica knew it or not. */
    void put(SchoolReplica school);
}
