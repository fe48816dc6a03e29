package fr.antiharcelement.events.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.events.CloudEvent;

/** An event as a consumer receives it: where it came from, its CloudEvents attributes, its version and data. */
public record IncomingEvent(String topic, int partition, long offset, String aggregateId, long version,
                            CloudEvent cloudEvent, JsonNode data) {

    public String type() {
        return cloudEvent.type();
    }

    /** What a version is counted per: the aggregate, within its topic. */
    public AggregateKey aggregateKey() {
        return new AggregateKey(topic, aggregateId);
    }

    /** An aggregate of a topic; ordered by topic, then id, the order in which consumers lock their versions. */
    public record AggregateKey(String topic, String aggregateId) implements Comparable<AggregateKey> {

        @Override
        public int compareTo(AggregateKey other) {
            int byTopic = topic.compareTo(other.topic);
            return byTopic != 0 ? byTopic : aggregateId.compareTo(other.aggregateId);
        }
    }
}
