package fr.antiharcelement.api.http;

import fr.antiharcelement.api.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** ETags are the resource's version; {@code If-Match} carries the version a client last saw. */
public final class Etags {

    private Etags() {
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** 201 for a new versioned resource: its {@code Location} (the request's path and {@code id}), ETag and body. */
    public static Response created(UriInfo uri, String id, long version, Object body) {
        return Response.created(uri.getAbsolutePathBuilder().path(id).build()).tag(of(version)).entity(body).build();
    }

    /**
     * The version an {@code If-Match} header names ({@code "3"}, {@code W/"3"} or {@code 3}).
     *
     * @throws ProblemException 428 when the header is missing, 400 when it is not a version
     */
    public static long requiredVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ProblemException.preconditionRequired(
                    "Send If-Match with the ETag you last read, so that you never overwrite a change you have not seen.");
        }
        String tag = ifMatch.trim();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.badRequest("If-Match must be an ETag this service gave, such as \"3\"; got " + ifMatch);
        }
    }
}
