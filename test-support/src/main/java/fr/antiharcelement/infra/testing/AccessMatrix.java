package fr.antiharcelement.infra.testing;

import fr.antiharcelement.infra.security.TokenMinter;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what, written down endpoint by endpoint by a service's test and checked against the running
 * service for every kind of caller: no token, an expired one, one signed by a stranger's key, and the viewer,
 * partner A, partner B and admin roles, and a partner token that names no partner (refused everywhere).
 *
 * <p>Expectations are stated in the test, never read from the code's annotations, so that a wrong annotation
 * fails. Callers without a valid token get 401, callers whose role is not allowed 403, both as problem+json;
 * partner callers listed as {@link Access#hiddenFrom hidden from} an endpoint get 404 (another partner's data
 * does not exist for them); allowed callers get the declared success status, or at least neither 401 nor 403.
 */
public final class AccessMatrix {

    /** The callers every endpoint is tried with. */
    public enum Caller {
        NO_TOKEN, EXPIRED_TOKEN, STRANGER_SIGNED_TOKEN, VIEWER, PARTNER_A, PARTNER_B,
        /** A partner token without the claim that names its partner: acts for nobody, refused (403) everywhere. */
        UNNAMED_PARTNER, ADMIN;

        boolean authenticated() {
            return ordinal() >= VIEWER.ordinal();
        }
    }

    /** Which authenticated callers an endpoint lets in, what they get, and which partner it hides data from. */
    public static final class Access {

        private final Set<Caller> allowed;
        private final Set<Caller> hidden = EnumSet.noneOf(Caller.class);
        private Integer successStatus;

        private Access(Set<Caller> allowed) {
            this.allowed = allowed;
        }

        /** An endpoint only {@code callers} may call; every other role gets 403. */
        public static Access allowedFor(Caller... callers) {
            return new Access(callers.length == 0 ? EnumSet.noneOf(Caller.class) : EnumSet.copyOf(List.of(callers)));
        }

        /** Every role may call it. */
        public static Access everyRole() {
            return allowedFor(Caller.VIEWER, Caller.PARTNER_A, Caller.PARTNER_B, Caller.ADMIN);
        }

        /** The status allowed callers get, e.g. 200 or 201. */
        public Access succeedingWith(int status) {
            this.successStatus = status;
            return this;
        }

        /** Callers whose role passes but who must not learn the resource exists: 404. */
        public Access hiddenFrom(Caller... callers) {
            hidden.addAll(List.of(callers));
            return this;
        }

        int expectedStatusFor(Caller caller) {
            if (!caller.authenticated()) {
                return 401;
            }
            if (caller == Caller.UNNAMED_PARTNER) {
                return 403;
            }
            if (hidden.contains(caller)) {
                return 404;
            }
            return allowed.contains(caller) ? (successStatus == null ? -1 : successStatus) : 403;
        }
    }

    private record Expectation(String operation, Access access, Function<RequestSpecification, Response> request) {
    }

    private final String partnerA;
    private final String partnerB;
    private final Map<String, Expectation> expectations = new LinkedHashMap<>();

    /** A matrix whose partner callers act for {@code partnerA} and {@code partnerB}. */
    public AccessMatrix(String partnerA, String partnerB) {
        this.partnerA = partnerA;
        this.partnerB = partnerB;
    }

    /**
     * Declares {@code operation} ({@code METHOD /path/{template}} as in the OpenAPI document). {@code request}
     * sends one concrete request with the caller's credentials already set; it is called once per caller, so
     * that a call that creates something can create something new each time.
     */
    public AccessMatrix expect(String operation, Access access, Function<RequestSpecification, Response> request) {
        if (expectations.putIfAbsent(operation, new Expectation(operation, access, request)) != null) {
            throw new IllegalArgumentException(operation + " is declared twice");
        }
        return this;
    }

    /** The bearer token of {@code caller}, none for {@link Caller#NO_TOKEN}. */
    public Optional<String> tokenOf(Caller caller) {
        return Optional.ofNullable(switch (caller) {
            case NO_TOKEN -> null;
            case EXPIRED_TOKEN -> TestTokens.expired(TokenMinter.ADMIN);
            case STRANGER_SIGNED_TOKEN -> TestTokens.signedByStranger();
            case VIEWER -> TestTokens.viewer();
            case PARTNER_A -> TestTokens.partner(partnerA);
            case PARTNER_B -> TestTokens.partner(partnerB);
            case UNNAMED_PARTNER -> TestTokens.partnerWithoutClaim();
            case ADMIN -> TestTokens.admin();
        });
    }

    /** A JSON request as {@code caller}. */
    public RequestSpecification as(Caller caller) {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return tokenOf(caller).map(token -> request.auth().oauth2(token)).orElse(request);
    }

    /**
     * Health, readiness, liveness, metrics and the OpenAPI document answer 200 without a token: load balancers,
     * Prometheus and frontend teams call them anonymously.
     */
    public static void assertOperationalEndpointsAnswerWithoutToken() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/q/metrics", "/q/openapi")) {
            assertThat(given().get(path).statusCode()).as("GET " + path + " without a token").isEqualTo(200);
        }
    }

    /** Fails listing every declared operation the document lacks and every documented operation left undeclared. */
    public void assertDeclaresExactly(Set<String> documentedOperations) {
        Set<String> undeclared = new TreeSet<>(documentedOperations);
        undeclared.removeAll(expectations.keySet());
        Set<String> undocumented = new TreeSet<>(expectations.keySet());
        undocumented.removeAll(documentedOperations);
        assertThat(undeclared).as("operations of the OpenAPI document without an access expectation").isEmpty();
        assertThat(undocumented).as("access expectations for operations the OpenAPI document does not list").isEmpty();
    }

    /** Calls every declared operation as every caller and fails listing every answer that differs from the expectation. */
    public void verify() {
        List<String> mismatches = new ArrayList<>();
        for (Expectation expectation : expectations.values()) {
            for (Caller caller : Caller.values()) {
                check(expectation, caller).ifPresent(mismatches::add);
            }
        }
        assertThat(mismatches).as("answers that differ from the access matrix").isEmpty();
    }

    private Optional<String> check(Expectation expectation, Caller caller) {
        int expected = expectation.access().expectedStatusFor(caller);
        Response response = expectation.request().apply(as(caller));
        int status = response.statusCode();
        String call = expectation.operation() + " as " + caller + ": ";
        if (expected == -1) {
            return status == 401 || status == 403 || status >= 500
                    ? Optional.of(call + "expected to be let in, got " + status + " " + response.asString()) : Optional.empty();
        }
        if (status != expected) {
            return Optional.of(call + "expected " + expected + ", got " + status + " " + response.asString());
        }
        if (status >= 400) {
            return ProblemChecks.problemDefect(response).map(defect -> call + status + " with " + defect);
        }
        return Optional.empty();
    }
}
