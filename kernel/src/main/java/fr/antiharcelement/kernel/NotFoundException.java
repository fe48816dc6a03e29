package fr.antiharcelement.kernel;

/** What the request names does not exist, or the caller may not know that it does. */
public final class NotFoundException extends DomainException {

    public NotFoundException(String message) {
        super(message);
    }
}
