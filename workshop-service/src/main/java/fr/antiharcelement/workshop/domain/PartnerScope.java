package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Caller;

import java.util.Optional;

/**
 * What a caller may see and change: admins everything, viewers read everything, a partner only its own
 * partner's workshops and facilitators. Another partner's workshop answers 404, as if it did not exist.
 */
public record PartnerScope(Optional<String> partnerCode, String actor) {

    public static PartnerScope of(Caller caller) {
        if (caller.roles().contains(fr.antiharcelement.api.security.Roles.PARTNER)) {
            String code = caller.partnerCode().orElseThrow(() -> new ProblemException(fr.antiharcelement.api.problem.Problem
                    .of(403, "This partner token names no partner (claim 'partner').")));
            return new PartnerScope(Optional.of(code), caller.subject());
        }
        return new PartnerScope(Optional.empty(), caller.subject());
    }

    public boolean sees(String workshopPartnerCode) {
        return partnerCode.map(workshopPartnerCode::equals).orElse(true);
    }

    /** A partner acts for itself only: 403 otherwise. */
    public void requireActingFor(String partner) {
        if (!sees(partner)) {
            throw new ProblemException(fr.antiharcelement.api.problem.Problem.of(403,
                    "A partner token for " + partnerCode.orElseThrow() + " cannot act for partner " + partner));
        }
    }
}
