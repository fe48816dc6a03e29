package fr.antiharcelement.bench;

/**
 * What the machine itself can do, measured by {@code ./run bench baseline} in the same run as the other benchmarks:
 * each of their figures is read against one of these, as a share of the limit (docs/benchmarks.md).
 */
enum Baseline {

    HTTP_1_CLIENT("trivial Quarkus JSON GET, 1 client"),
    HTTP_16_CLIENTS("trivial Quarkus JSON GET, 16 clients"),
    HTTP_64_CLIENTS("trivial Quarkus JSON GET, 64 clients"),
    PG_COMMITS("pgbench tpcb-like, 16 clients, fsync and synchronous_commit on"),
    PG_READS("pgbench select-only, 16 clients"),
    PG_BULK_ROWS("pgbench -i: rows loaded, keys built"),
    KAFKA_RECORDS("Kafka transactional producer, 1 kB records, 500 per transaction"),
    /** From the transaction's begin, not its commit's return: the relay, read against it, makes the whole transaction. */
    KAFKA_LATENCY("Kafka one-record transaction, begun to read by a read_committed consumer, 50/s"),
    /** Measured by the reach benchmark itself, on the reach-service it reads from: the same service's trivial endpoint. */
    REACH_LIVE_64_CLIENTS("reach-service /q/health/live, 64 clients"),
    START_UP("trivial Quarkus service, start-up"),
    MEMORY_IDLE("trivial Quarkus service, resident memory when ready"),
    MEMORY_PEAK("trivial Quarkus service, peak resident memory after its load");

    final String label;

    Baseline(String label) {
        this.label = label;
    }
}
