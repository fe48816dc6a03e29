package fr.antiharcelement.events.consumer;

import com.fasterxml.jackson.databind.JsonNode;
import fr.antiharcelement.events.CloudEvent;

/** An event as a consumer receives it: where it came from, its CloudEvents attributes, its version and data. */
public record IncomingEvent(String topic, int partition, long offset, String aggregateId, long version,
                            CloudEvent cloudEvent, JsonNode data) {

    public String type() {
        return cloudEvent.type();
    }
}
