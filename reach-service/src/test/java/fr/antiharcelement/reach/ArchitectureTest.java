package fr.antiharcelement.reach;

import fr.antiharcelement.infra.testing.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** reach-service's layers: {@code api -> domain <- persistence}, {@code events -> domain}, and a domain free of frameworks. */
class ArchitectureTest {

    private static final ServiceArchitecture REACH = ServiceArchitecture.of("fr.antiharcelement.reach");

    @Test
    void everyLayerHasClasses() {
        REACH.assertLayersExist();
    }

    @Test
    void noPackageDependsOnAnotherInACycle() {
        REACH.check(REACH.noCyclesBetweenPackages());
    }

    @Test
    void theDomainDependsOnNoOtherLayer() {
        REACH.check(REACH.domainDependsOnNoOtherLayer());
    }

    @Test
    void theApiReachesStorageAndEventsOnlyThroughTheDomain() {
        REACH.check(REACH.apiDependsOnlyOnTheDomain());
    }

    @Test
    void persistenceImplementsTheDomainsPortsOnly() {
        REACH.check(REACH.persistenceImplementsTheDomainOnly());
    }

    @Test
    void eventsAreDecodedForTheDomainOnly() {
        REACH.check(REACH.eventsImplementTheDomainOnly());
    }

    @Test
    void theDomainKnowsNoHttpJsonSqlOrFramework() {
        REACH.check(REACH.domainKnowsNoFramework());
    }
}
