package fr.antiharcelement.infra.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Set;
import java.util.TreeSet;

/**
 * The project's {@code docs/asyncapi.yaml}, read by tests that compare real events with what it documents: an
 * event field the document does not list, or a documented field an event lacks, fails them.
 */
public final class AsyncApiContract {

    private final JsonNode document;

    private AsyncApiContract(JsonNode document) {
        this.document = document;
    }

    /** The document at {@code docs/asyncapi.yaml} of the repository this module belongs to. */
    public static AsyncApiContract load() {
        Path file = Path.of(System.getProperty("basedir", "."), "..", "docs", "asyncapi.yaml").normalize();
        try {
            return new AsyncApiContract(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    /** The payload fields documented for the message named {@code eventType} (its ce_type). */
    public Set<String> payloadFields(String eventType) {
        JsonNode messages = document.path("components").path("messages");
        for (Iterator<JsonNode> it = messages.elements(); it.hasNext(); ) {
            JsonNode message = it.next();
            if (eventType.equals(message.path("name").asText())) {
                return fieldNames(resolve(message.path("payload")).path("properties"));
            }
        }
        throw new IllegalArgumentException("docs/asyncapi.yaml documents no message named " + eventType);
    }

    /** The topic (channel address) on which {@code eventType} is documented. */
    public String topicOf(String eventType) {
        for (Iterator<JsonNode> channels = document.path("channels").elements(); channels.hasNext(); ) {
            JsonNode channel = channels.next();
            for (Iterator<JsonNode> messages = channel.path("messages").elements(); messages.hasNext(); ) {
                if (eventType.equals(resolve(messages.next()).path("name").asText())) {
                    return channel.path("address").asText();
                }
            }
        }
        throw new IllegalArgumentException("No channel documents " + eventType);
    }

    public static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null) {
            return node;
        }
        JsonNode target = document;
        for (String part : ref.asText().substring(2).split("/")) {
            target = target.path(part);
        }
        return target;
    }
}
