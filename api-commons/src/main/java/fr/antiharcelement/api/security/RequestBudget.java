package fr.antiharcelement.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import fr.antiharcelement.api.problem.Problem;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.Set;

/**
 * A budget of writes per token subject: every POST, PUT, PATCH and DELETE under {@code /api/v1} takes one from its
 * subject's token bucket ({@link RequestBudgetConfig}), and a subject whose bucket is empty gets a 429 problem with
 * {@code Retry-After}, the seconds until its next write is allowed. Reads are not budgeted (the dashboards' streams
 * and polls are reads). A subject is its issuer and {@code sub}: every token of one partner integration shares its
 * budget, so minting more tokens buys nothing.
 *
 * <p>Buckets live in this instance's memory: with N instances behind a load balancer a subject has N budgets. That
 * bounds what one client can make one instance do, which is the point (a loop gone wrong, a stolen token), without a
 * shared store on every write. A bucket left alone long enough to be full again is dropped: forgetting it changes
 * nothing.
 *
 * <p>Application-scoped, not a singleton: REST filters are created at static initialisation, before the runtime
 * configuration exists; the proxy defers this bean, and its configuration, to the first request.
 */
@ApplicationScoped
public class RequestBudget {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final RequestBudgetConfig config;
    private final Cache<String, TokenBucket> buckets;

    @Inject
    CurrentIdentityAssociation identities;

    /** For the client proxy only. */
    protected RequestBudget() {
        this.config = null;
        this.buckets = null;
    }

    @Inject
    public RequestBudget(RequestBudgetConfig config) {
        this.config = config;
        // A bucket untouched for as long as the slowest one takes to fill up again is full: dropping it changes nothing.
        double slowestRefillSeconds = config.burst() / config.perSecond();
        for (RequestBudgetConfig.SubjectBudget own : config.subjects().values()) {
            slowestRefillSeconds = Math.max(slowestRefillSeconds, own.burst() / own.perSecond());
        }
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(Duration.ofMillis((long) Math.ceil(Math.max(1, slowestRefillSeconds) * 1000))).build();
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public Uni<Response> spend(ContainerRequestContext request) {
        if (!config.enabled() || !WRITES.contains(request.getMethod()) || !request.getUriInfo().getPath().startsWith("/api/v1/")) {
            return Uni.createFrom().nullItem();
        }
        return identities.getDeferredIdentity().map(identity -> identity.isAnonymous() ? null : take(identity));
    }

    private Response take(SecurityIdentity identity) {
        String subject = subjectOf(identity);
        RequestBudgetConfig.SubjectBudget own = config.subjects().get(subject);
        int burst = own == null ? config.burst() : own.burst();
        double perSecond = own == null ? config.perSecond() : own.perSecond();
        TokenBucket bucket = buckets.get(issuerOf(identity) + " " + subject, key -> new TokenBucket(burst, perSecond));
        long waitNanos = bucket.take(System.nanoTime());
        if (waitNanos == 0) {
            return null;
        }
        long retryAfter = Math.max(1, (long) Math.ceil(waitNanos / 1e9));
        return Response.fromResponse(Problem.of(429, "Too many writes with this token: its budget is " + burst
                                + " at once, then " + perSecond + " a second. Retry after " + retryAfter + " s.").toResponse())
                .header(HttpHeaders.RETRY_AFTER, retryAfter).build();
    }

    private static String subjectOf(SecurityIdentity identity) {
        if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return identity.getPrincipal().getName();
    }

    private static String issuerOf(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token ? String.valueOf(token.getIssuer()) : "";
    }

    /** {@code capacity} writes, refilled continuously at {@code perSecond}; starts full. */
    static final class TokenBucket {

        private final double capacity;
        private final double perNano;
        private double available;
        private long refilledAt;

        TokenBucket(double capacity, double perSecond) {
            this.capacity = capacity;
            this.perNano = perSecond / 1e9;
            this.available = capacity;
            this.refilledAt = System.nanoTime();
        }

        /** Takes one write at {@code now} (nanoTime): 0 when allowed, else the nanoseconds until one is. */
        synchronized long take(long now) {
            available = Math.min(capacity, available + (now - refilledAt) * perNano);
            refilledAt = now;
            if (available >= 1) {
                available -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - available) / perNano);
        }
    }
}
