package fr.antiharcelement.workshop.domain;

import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The school replica takes each state school-service states, whole. */
class SchoolReplicationTest {

    private final Map<String, SchoolReplica> replica = new HashMap<>();
    private final SchoolReplication replication = new SchoolReplication();

    SchoolReplicationTest() {
        replication.schools = new Stores.Schools(replica);
    }

    @Test
    void aSchoolNotYetKnownIsAddedWithItsState() {
        replication.apply(new SchoolState("0140001W", "Collège Jean Moulin", "14", "OPEN", 1));

        assertThat(replica.get("0140001W")).as("the replica of a school seen for the first time")
                .extracting(s -> s.name, s -> s.academyCode, s -> s.status, s -> s.version, SchoolReplica::isOpen)
                .containsExactly("Collège Jean Moulin", "14", "OPEN", 1L, true);
    }

    @Test
    void aKnownSchoolTakesItsNewStateWhole() {
        replication.apply(new SchoolState("0140001W", "Collège Jean Moulin", "14", "OPEN", 1));
        replication.apply(new SchoolState("0140001W", "Collège Lucie Aubrac", "14", "CLOSED", 2));

        assertThat(replica).as("schools in the replica").hasSize(1);
        assertThat(replica.get("0140001W")).as("the replica after a newer state")
                .extracting(s -> s.name, s -> s.status, s -> s.version, SchoolReplica::isOpen)
                .containsExactly("Collège Lucie Aubrac", "CLOSED", 2L, false);
    }
}
