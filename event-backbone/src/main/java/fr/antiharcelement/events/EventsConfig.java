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

    /**
     * Partitions of the topics this service creates when they are missing. A consumer group spreads partitions, not
     * events, over its instances: with 3, two instances split a topic 2 to 1 (one did twice the other's share of a
     * replay, then worked alone) and a fourth got nothing. Six split evenly over one, two, three or six instances.
     * Topics that exist keep their count (architecture.md, scale-out).
     */
    @WithDefault("6")
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

        /**
         * The longest a busy relay (woken again while it published) waits before it looks again, so that the commits
         * of that moment join one Kafka transaction; a relay that was not woken meanwhile does not wait. It waits all
         * of it from {@link #lingerFullRate()} rows published a second, in proportion below: a change that meets the
         * linger at a light load waits it all (with 20 ms at every pace, the relay's p99 at 50 changes a second went
         * from about 5 ms to between 10 and 22 ms), while under a steady load a longer linger saves more (20 ms took a
         * fifth off the CPU from a completion to reach's totals at 200 a second). docs/benchmark-methods.md.
         */
        @WithDefault("20ms")
        Duration linger();

        /** Rows published a second from which a busy relay lingers the whole {@link #linger()}. */
        @WithDefault("200")
        int lingerFullRate();

        /** How often the relay looks for rows when nobody woke it: the safety net. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Longest pause between attempts while Kafka is unreachable. */
        @WithDefault("5s")
        Duration maxBackoff();

        /** How long published rows are kept (for audits and replays) before the relay deletes them. */
        @WithDefault("7d")
        Duration retention();

        /**
         * Largest record the relay sends (key, value and headers); a row over it is parked, never sent. Kafka's own
         * limits (the producer's max.request.size and the broker's message.max.bytes) are about 1 MiB by default.
         */
        @WithDefault("1000000")
        int maxRecordBytes();

        /** How often the relay deletes published rows older than the retention. */
        @WithDefault("10m")
        Duration cleanupInterval();

        /** First pause after a failure to publish; it doubles up to {@link #maxBackoff()}. */
        @WithDefault("100ms")
        Duration firstBackoff();

        /** How long a send or a commit may wait for the broker before the relay backs off (Kafka's max.block.ms, request.timeout.ms). */
        @WithDefault("5s")
        Duration brokerTimeout();

        /** Kafka's delivery.timeout.ms: a batch not acknowledged by then fails and is sent again later. */
        @WithDefault("10s")
        Duration deliveryTimeout();

        /** A relay that dies mid-transaction must not hold back read-committed consumers for long (transaction.timeout.ms). */
        @WithDefault("10s")
        Duration transactionTimeout();
    }

    interface Consumer {
        /**
         * Poll threads per consumer in this instance. Each is a member of the consumer's Kafka group with partitions of its
         * own, its own batches and its own database transactions, exactly as a member in another instance would be: the
         * versions keep what they apply exact either way. One thread takes turns with its database backend (it decodes while
         * the database waits, the database writes while it waits); two keep both cores of a small machine busy. The topics'
         * {@link #topicPartitions()} bound how many members get any work, over all instances together.
         */
        @WithDefault("1")
        int threads();

        /** Most records applied in one database transaction. */
        @WithDefault("500")
        @WithName("max-poll-records")
        int maxPollRecords();

        /**
         * Most bytes one fetch brings from each partition (Kafka's max.partition.fetch.bytes, its default 1 MiB): with
         * 1 kB events and 6 partitions, a fetch of the default size holds about 6,000, so a consumer whose
         * {@link #maxPollRecords()} is larger needs larger fetches to fill its batches.
         */
        @WithDefault("1048576")
        @WithName("max-partition-fetch-bytes")
        int maxPartitionFetchBytes();

        /** How long one poll waits for records. */
        @WithDefault("500ms")
        Duration pollTimeout();

        /** A crashed instance's partitions go to the next one after this, instead of Kafka's default 45 s. */
        @WithDefault("10s")
        Duration sessionTimeout();

        /** First pause before a failed consumer starts again from its committed offsets; it doubles up to {@link #maxBackoff()}. */
        @WithDefault("200ms")
        Duration firstBackoff();

        @WithDefault("10s")
        Duration maxBackoff();

        /** How long stopping a consumer waits for its last batch to commit. */
        @WithDefault("30s")
        Duration stopTimeout();
    }
}
