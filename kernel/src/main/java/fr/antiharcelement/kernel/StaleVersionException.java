package fr.antiharcelement.kernel;

/** The caller changed something from a version that is no longer the current one: it must read it again. */
public final class StaleVersionException extends DomainException {

    private final long currentVersion;

    public StaleVersionException(String what, long expected, long current) {
        super(what + " has changed since you read it: it is at version " + current + ", your If-Match says " + expected
                + ". Read it again and reapply your change.");
        this.currentVersion = current;
        with("currentVersion", current);
    }

    /** @throws StaleVersionException when {@code expected} is not {@code current} */
    public static void check(long expected, long current, String what) {
        if (expected != current) {
            throw new StaleVersionException(what, expected, current);
        }
    }

    public long currentVersion() {
        return currentVersion;
    }
}
