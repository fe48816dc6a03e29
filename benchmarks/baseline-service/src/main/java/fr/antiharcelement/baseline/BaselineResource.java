package fr.antiharcelement.baseline;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One small JSON document, built and serialised on every request, as the services' read endpoints do. */
@Path("/api/v1/baseline")
public class BaselineResource {

    /** The shape of a small reach row: a key, a name and a few counters. */
    public record Counters(String key, String name, long students, long parents, long workshops) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Counters get() {
        return new Counters("baseline", "Trivial JSON endpoint", 20, 0, 1);
    }
}
