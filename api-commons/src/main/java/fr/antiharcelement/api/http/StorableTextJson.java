package fr.antiharcelement.api.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import fr.antiharcelement.kernel.text.StorableText;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/** Every string of every JSON body goes through {@link StorableText} as it is read. */
@Singleton
public class StorableTextJson implements ObjectMapperCustomizer {

    /** A string of a JSON body that cannot be stored; its path says which field. */
    public static class UnstorableTextException extends JsonMappingException {

        private final String reason;

        UnstorableTextException(JsonParser parser, String reason) {
            super(parser, reason);
            this.reason = reason;
        }

        /** What is wrong with the text, e.g. "must not contain the NUL character". */
        public String reason() {
            return reason;
        }
    }

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("storable-text").addDeserializer(String.class, new StorableStringDeserializer()));
    }

    private static final class StorableStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String text = super.deserialize(parser, context);
            var problem = StorableText.problem(text);
            if (problem.isPresent()) {
                throw new UnstorableTextException(parser, problem.get());
            }
            return text;
        }
    }
}
