package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.problem.Problem;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.workshop.domain.PartnerScope;

/** The scope of the verified caller: a partner token acts for the partner its claim names, other roles for none. */
final class CallerScope {

    private CallerScope() {
    }

    static PartnerScope of(Caller caller) {
        if (caller.roles().contains(Roles.PARTNER)) {
            String code = caller.partnerCode().orElseThrow(() -> new ProblemException(
                    Problem.of(403, "This partner token names no partner (claim 'partner').")));
            return PartnerScope.partner(code, caller.subject());
        }
        return PartnerScope.unrestricted(caller.subject());
    }
}
