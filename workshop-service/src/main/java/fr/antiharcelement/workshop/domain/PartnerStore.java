package fr.antiharcelement.workshop.domain;

import java.util.List;
import java.util.Optional;

/** Where partner associations are kept. */
public interface PartnerStore {

    Optional<Partner> withCode(String code);

    /** Every partner, by name. */
    List<Partner> byName();

    void add(Partner partner);
}
