package fr.antiharcelement.school;

import fr.antiharcelement.infra.testing.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** school-service follows {@code api -> domain <- persistence}, {@code events -> domain}: its domain owns its ports. */
class ArchitectureTest {

    private static final ServiceArchitecture SERVICE = ServiceArchitecture.of("fr.antiharcelement.school");

    @Test
    void everyLayerTheRulesNameHasClasses() {
        SERVICE.assertLayersExist();
    }

    @Test
    void noPackageDependsOnAnotherInACycle() {
        SERVICE.check(SERVICE.noCyclesBetweenPackages());
    }

    @Test
    void theDomainDependsOnNoOtherLayer() {
        SERVICE.check(SERVICE.domainDependsOnNoOtherLayer());
    }

    @Test
    void theApiReachesStorageAndEventsOnlyThroughTheDomain() {
        SERVICE.check(SERVICE.apiDependsOnlyOnTheDomain());
    }

    @Test
    void persistenceImplementsTheDomainOnly() {
        SERVICE.check(SERVICE.persistenceImplementsTheDomainOnly());
    }

    @Test
    void eventsImplementTheDomainOnly() {
        SERVICE.check(SERVICE.eventsImplementTheDomainOnly());
    }

    @Test
    void theDomainKnowsNoHttpSqlJsonNorFramework() {
        SERVICE.check(SERVICE.domainKnowsNoFramework());
    }
}
