package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.NotAllowedException;

import java.util.Optional;

/**
 * What a caller may see and change: admins everything, viewers read everything, a partner only its own
 * partner's workshops and facilitators. Another partner's workshop answers 404, as if it did not exist.
 * {@code actor} is who the audit trail records.
 */
public record PartnerScope(Optional<String> partnerCode, String actor) {

    /** A caller bound to no partner: its role alone says what it may do. */
    public static PartnerScope unrestricted(String actor) {
        return new PartnerScope(Optional.empty(), actor);
    }

    /** A caller acting for partner {@code code} only. */
    public static PartnerScope partner(String code, String actor) {
        return new PartnerScope(Optional.of(code), actor);
    }

    public boolean sees(String workshopPartnerCode) {
        return partnerCode.map(workshopPartnerCode::equals).orElse(true);
    }

    /** A partner acts for itself only: 403 otherwise. */
    public void requireActingFor(String partner) {
        if (!sees(partner)) {
            throw new NotAllowedException("A partner token for " + partnerCode.orElseThrow() + " cannot act for partner " + partner);
        }
    }
}
