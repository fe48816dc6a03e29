package fr.antiharcelement.workshop.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** Keeps the school replica in step with what school-service states of each school. */
@ApplicationScoped
public class SchoolReplication {

    @Inject
    SchoolReplicaStore schools;

    /**
     * Takes the newest state of a school, in the transaction of the consumer that read it; the consumer passes only
     * states newer than the one applied before, so the state replaces the replica's whole.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(SchoolState state) {
        SchoolReplica school = new SchoolReplica();
        school.uai = state.uai();
        school.name = state.name();
        school.academyCode = state.academyCode();
        school.status = state.status();
        school.schoolType = state.type();
        school.version = state.version();
        schools.put(school);
    }
}
