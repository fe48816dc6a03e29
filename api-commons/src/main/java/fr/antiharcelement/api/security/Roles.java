package fr.antiharcelement.api.security;

/** The three roles a bearer token can carry in its {@code groups} claim. */
public final class Roles {

    /** Campaign staff: everything. */
    public static final String ADMIN = "admin";
    /** A partner association: acts on its own data only; the {@code partner} claim names it. */
    public static final String PARTNER = "partner";
    /** Dashboards: read-only. */
    public static final String VIEWER = "viewer";

    private Roles() {
    }
}
