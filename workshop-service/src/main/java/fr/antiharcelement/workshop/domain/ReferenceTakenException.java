package fr.antiharcelement.workshop.domain;

/**
 * The database refused a partner's reference a concurrent request took between the check and the insert. Like
 * {@link DoubleBookingException}, not a domain answer thrown mid-transaction: the transaction is lost, and the caller
 * answers once it has rolled back (a 409, or the row of an upload reported).
 */
public class ReferenceTakenException extends RuntimeException {

    public ReferenceTakenException(String partnerCode, String partnerReference) {
        super("partnerReference " + partnerReference + " already names a workshop of partner " + partnerCode, null, false, false);
    }
}
