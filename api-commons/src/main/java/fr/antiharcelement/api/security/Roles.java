package fr.antiharcelement.api.security;

/**
 * The three roles a bearer token can carry, namespaced so that a role another application's token carries (a bare
 * {@code admin} group, say) grants nothing here. The claim they are read from is {@code smallrye.jwt.path.groups}
 * ({@code groups} by default); an identity provider whose role names differ maps them with
 * {@code quarkus.http.auth.roles-mapping} (README, "Tokens").
 */
public final class Roles {

    /** Campaign staff: everything. */
    public static final String ADMIN = "campaign:admin";
    /** A partner association: acts on its own data only; the {@code partner} claim names it. */
    public static final String PARTNER = "campaign:partner";
    /** Dashboards: read-only. */
    public static final String VIEWER = "campaign:viewer";

    private Roles() {
    }
}
