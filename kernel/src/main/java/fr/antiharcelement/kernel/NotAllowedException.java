package fr.antiharcelement.kernel;

/** The caller is who it says, but may not do this (a partner acting for another partner). */
public final class NotAllowedException extends DomainException {

    public NotAllowedException(String message) {
        super(message);
    }
}
