package fr.antiharcelement.kernel;

/** Well-formed input that breaks a rule of the domain (a workshop outside its campaign, a closed school). */
public final class RuleBrokenException extends DomainException {

    public RuleBrokenException(String message) {
        super(message);
    }
}
