package fr.antiharcelement.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

import java.time.Duration;

/** Settings of the event backbone, under {@code events.*}. */
@ConfigMapping(prefix = "events")
public interface EventsConfig {

    /** The CloudEvents {@code ce_source} of what this service publishes, e.g. {@code /school-service}. */
    @WithDefault("/${quarkus.application.name}")
    String source();

    /** Partitions of the topics this service creates when they are missing. */
    @WithDefault("3")
    int topicPartitions();

    Outbox outbox();

    Consumer consumer();

    interface Outbox {
        /** Whether this instance runs a relay (any number may; one publishes at a time). */
        @WithDefault("true")
        boolean relayEnabled();

        /** Most rows published in one Kafka transaction. */
        @WithDefault("500")
        int batchSize();

        /** How often the relay looks for rows when nobody woke it: the safety net. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Longest pause between attempts while Kafka is unreachable. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** How long published rows are kept (for audits and replays) before the relay deletes them. */
        @WithDefault("7d")
        Duration retention();
    }

    interface Consumer {
        /** Most records applied in one database transaction. */
        @WithDefault("500")
        @WithName("max-poll-records")
        int maxPollRecords();
    }
}
