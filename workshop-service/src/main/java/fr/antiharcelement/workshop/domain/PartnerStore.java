package fr.antiharcelement.workshop.domain;

import java.util.List;
import java.util.Optional;

/** Where partner associations are kept. */
public interface PartnerStore {

    Optional<Partner> withCode(String code);

    /** The partner's name, as every event about its workshops carries it. */
    default Optional<String> nameOf(String code) {
        return withCode(code).map(partner -> partner.name);
    }

    /** Every partner, by name. */
    List<Partner> byName();

    void add(Partner partner);
}
