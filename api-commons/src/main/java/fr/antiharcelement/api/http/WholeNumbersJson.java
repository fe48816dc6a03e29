package fr.antiharcelement.api.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A whole-number field of a JSON body takes whole numbers only: 1.5 attendees or 1.5 likes is a 400 naming the field,
 * not silently 1 (Jackson's default truncates).
 */
@Singleton
public class WholeNumbersJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
