package fr.antiharcelement.kernel;

/** The request clashes with the current state: a duplicate, a transition not allowed from here, a double booking. */
public final class ConflictException extends DomainException {

    public ConflictException(String message) {
        super(message);
    }
}
