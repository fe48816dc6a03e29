package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Partner associations and their facilitators. */
@ApplicationScoped
public class PartnerDirectory {

    @Inject
    PartnerStore partners;

    @Inject
    FacilitatorStore facilitators;

    @Inject
    Clock clock;

    @Transactional
    public Partner register(String code, String name) {
        if (partners.withCode(code).isPresent()) {
            throw new ConflictException("Partner " + code + " exists already").with("fields", List.of("code"));
        }
        Partner partner = new Partner();
        partner.code = code;
        partner.name = name;
        partner.createdAt = CampaignTime.now(clock);
        partners.add(partner);
        return partner;
    }

    @Transactional
    public List<Partner> all() {
        return partners.byName();
    }

    @Transactional
    public Partner find(String code) {
        return partners.withCode(code).orElseThrow(() -> new NotFoundException("No partner " + code));
    }

    @Transactional
    public Facilitator addFacilitator(String partnerCode, String displayName, String contactEmail) {
        find(partnerCode);
        Facilitator facilitator = new Facilitator();
        facilitator.id = UUID.randomUUID();
        facilitator.partnerCode = partnerCode;
        facilitator.displayName = displayName;
        facilitator.contactEmail = contactEmail;
        facilitator.createdAt = CampaignTime.now(clock);
        facilitators.add(facilitator);
        return facilitator;
    }

    /** One facilitator of that partner: a facilitator of another partner is none of its own, a 404. */
    @Transactional
    public Facilitator facilitator(String partnerCode, UUID id) {
        find(partnerCode);
        return facilitators.withId(id).filter(found -> found.partnerCode.equals(partnerCode))
                .orElseThrow(() -> new NotFoundException("No facilitator " + id + " at partner " + partnerCode));
    }

    /**
     * The facilitator is booked for no new or changed workshop from now on; the workshops they led keep naming them.
     * Deactivating one already deactivated changes nothing.
     */
    @Transactional
    public Facilitator deactivateFacilitator(String partnerCode, UUID id) {
        Facilitator facilitator = facilitator(partnerCode, id);
        if (facilitator.active()) {
            facilitator.deactivatedAt = CampaignTime.now(clock);
            facilitators.save(facilitator);
        }
        return facilitator;
    }

    @Transactional
    public List<Facilitator> facilitators(String partnerCode) {
        find(partnerCode);
        return facilitators.ofPartner(partnerCode);
    }
}
