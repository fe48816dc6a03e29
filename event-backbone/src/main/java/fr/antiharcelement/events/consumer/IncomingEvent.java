package fr.antiharcelement.events.consumer;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import fr.antiharcelement.events.CloudEvent;

import java.io.IOException;

/**
 * An event as a consumer receives it: where it came from, its CloudEvents attributes (the data as text among them), its
 * version.
 *
 * <p>The data is kept as the record's text and read as a tree when {@link #data()} is asked, not when the record is
 * polled. A batch holds thousands of events from its poll to its commit, and a tree per event held all that time was a
 * fifth of what a batch kept alive: the collector copied every tree from young space to young space and, the survivor
 * spaces full, into the old generation, and the consumer thread waited for each of those collections. A tree read at
 * decoding time dies there.
 */
public record IncomingEvent(String topic, int partition, long offset, String aggregateId, long version, CloudEvent cloudEvent) {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectReader TREE_READER = JSON.readerFor(JsonNode.class);
    private static final JsonFactory TOKENS = JSON.getFactory();

    public String type() {
        return cloudEvent.type();
    }

    /**
     * The event's data, read from its text at each call: each decoder asks once per event (a campaign event is read by
     * reach's two, the totals' and the online targets', and campaign events are few).
     */
    public JsonNode data() {
        try {
            return TREE_READER.readTree(cloudEvent.data());
        } catch (JsonProcessingException e) {
            // versionOf read the whole text as JSON when the record was polled
            throw new IllegalStateException("The data of event " + cloudEvent.id() + " is no longer JSON", e);
        }
    }

    /** What a version is counted per: the aggregate, within its topic. */
    public AggregateKey aggregateKey() {
        return new AggregateKey(topic, aggregateId);
    }

    /**
     * The {@code version} field of a record's data, checking the whole text is JSON on the way, without building a
     * tree: a positive integer, or an {@link IllegalArgumentException} saying what is wrong.
     */
    static long versionOf(String data) {
        long version = 0;
        try (JsonParser parser = TOKENS.createParser(data)) {
            if (parser.nextToken() == JsonToken.START_OBJECT) {
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    boolean isVersion = "version".equals(parser.currentName());
                    JsonToken value = parser.nextToken();
                    if (isVersion) {
                        version = value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER
                                ? parser.getLongValue() : 0;
                    }
                    parser.skipChildren();
                }
            } else {
                parser.skipChildren();
            }
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("value is not JSON");
            }
        } catch (IOException e) {
            throw new IllegalArgumentException("value is not JSON");
        }
        if (version < 1) {
            throw new IllegalArgumentException("data has no positive integer version");
        }
        return version;
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
