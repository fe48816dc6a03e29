package fr.antiharcelement.workshop.domain;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The domain's stores of reference data, kept in maps the test fills: what a test of the domain needs, no database. */
final class Stores {

    private Stores() {
    }

    record Campaigns(Map<String, Campaign> byCode) implements CampaignStore {

        @Override
        public Optional<Campaign> withCode(String code) {
            return Optional.ofNullable(byCode.get(code));
        }

        @Override
        public Optional<Campaign> lockWithCode(String code) {
            return withCode(code);
        }

        @Override
        public List<Campaign> newestFirst() {
            return byCode.values().stream().sorted(Comparator.comparing((Campaign c) -> c.startsOn).reversed()
                    .thenComparing(c -> c.code)).toList();
        }

        @Override
        public void add(Campaign campaign) {
            byCode.put(campaign.code, campaign);
        }

        @Override
        public void save(Campaign campaign) {
            byCode.put(campaign.code, campaign);
        }
    }

    record Partners(Map<String, Partner> byCode) implements PartnerStore {

        @Override
        public Optional<Partner> withCode(String code) {
            return Optional.ofNullable(byCode.get(code));
        }

        @Override
        public List<Partner> byName() {
            return byCode.values().stream().sorted(Comparator.comparing(p -> p.name)).toList();
        }

        @Override
        public void add(Partner partner) {
            byCode.put(partner.code, partner);
        }
    }

    record Facilitators(Map<UUID, Facilitator> byId) implements FacilitatorStore {

        @Override
        public Optional<Facilitator> withId(UUID id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<Facilitator> ofPartner(String partnerCode) {
            return byId.values().stream().filter(f -> f.partnerCode.equals(partnerCode))
                    .sorted(Comparator.comparing(f -> f.displayName)).toList();
        }

        @Override
        public void add(Facilitator facilitator) {
            byId.put(facilitator.id, facilitator);
        }

        @Override
        public void save(Facilitator facilitator) {
            byId.put(facilitator.id, facilitator);
        }
    }

    record Schools(Map<String, SchoolReplica> byUai) implements SchoolReplicaStore {

        @Override
        public Optional<SchoolReplica> withUai(String uai) {
            return Optional.ofNullable(byUai.get(uai));
        }

        @Override
        public void put(SchoolReplica school) {
            byUai.put(school.uai, school);
        }
    }

    /** The facts of a draft, each from its own store: what the database answers in one query. */
    record Drafts(CampaignStore campaigns, PartnerStore partners, SchoolReplicaStore schools, FacilitatorStore facilitators,
                 WorkshopStore workshops) implements DraftFacts {

        @Override
        public DraftFacts.Facts of(WorkshopDraft draft, UUID self) {
            return new DraftFacts.Facts(campaigns.withCode(draft.campaignCode()), partners.withCode(draft.partnerCode()),
                    schools.withUai(draft.schoolUai()), facilitators.withId(draft.facilitatorId()),
                    workshops.overlapping(draft.facilitatorId(), draft.startsAt(), draft.endsAt(), self).map(w -> w.id));
        }
    }
}
