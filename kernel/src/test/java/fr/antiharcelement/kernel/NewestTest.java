package fr.antiharcelement.kernel;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class NewestTest {

    record Event(String aggregate, long version, String state) {
    }

    @Test
    void keepsTheNewestVersionOfEachAggregateWhateverTheOrder() {
        List<Event> batch = List.of(new Event("w1", 2, "completed"), new Event("w2", 1, "scheduled"),
                new Event("w1", 3, "corrected"), new Event("w1", 1, "scheduled"));

        assertThat(Newest.perKey(batch, Event::aggregate, Event::version))
                .containsExactly(new Event("w1", 3, "corrected"), new Event("w2", 1, "scheduled"));
    }

    @Test
    void aRepeatedVersionKeepsTheFirstSeen() {
        List<Event> batch = List.of(new Event("w1", 2, "first"), new Event("w1", 2, "again"));

        assertThat(Newest.perKey(batch, Event::aggregate, Event::version)).containsExactly(new Event("w1", 2, "first"));
    }
}
