package fr.antiharcelement.api.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Reads that dashboards poll answer an ETag made of their content, and 304 without a body to an
 * {@code If-None-Match} that names it. The tag is a digest of the JSON answered, not a version or a counter of this
 * instance: two instances holding the same figures give the same tag, and figures that differ never share one, so a
 * client may send its tag to any instance. Serialising is what the answer costs anyway; the digest is a few
 * microseconds for a summary.
 */
@ApplicationScoped
public class ConditionalReads {

    public static final String IF_NONE_MATCH = "If-None-Match";

    @Inject
    ObjectMapper mapper;

    /** 200 with {@code body} as JSON and its ETag, or 304 with the ETag alone when {@code ifNoneMatch} names it. */
    public Response answer(Object body, String ifNoneMatch) {
        byte[] json;
        try {
            json = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the answer as JSON", e);
        }
        EntityTag tag = new EntityTag(digest(json));
        if (matches(ifNoneMatch, tag.getValue())) {
            return Response.notModified(tag).build();
        }
        return Response.ok(json, MediaType.APPLICATION_JSON).tag(tag).build();
    }

    /** Whether an If-None-Match header ({@code "a", W/"b"} or {@code *}) names {@code tag}; weak tags compare as strong. */
    static boolean matches(String ifNoneMatch, String tag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.trim();
            if (value.equals("*")) {
                return true;
            }
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("\"" + tag + "\"")) {
                return true;
            }
        }
        return false;
    }

    private static String digest(byte[] json) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
