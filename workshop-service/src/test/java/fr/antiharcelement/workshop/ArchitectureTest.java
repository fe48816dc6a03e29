package fr.antiharcelement.workshop;

import fr.antiharcelement.infra.testing.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** workshop-service follows the layout of every service: {@code api -> domain <- persistence}, {@code events -> domain}. */
class ArchitectureTest {

    private static final ServiceArchitecture SERVICE = ServiceArchitecture.of("fr.antiharcelement.workshop");

    @Test
    void everyLayerTheRulesNameHasClasses() {
        SERVICE.assertLayersExist();
    }

    @Test
    void noPackageDependsOnAnotherThatDependsBackOnIt() {
        SERVICE.check(SERVICE.noCyclesBetweenPackages());
    }

    @Test
    void theDomainOwnsItsPortsAndDependsOnNoOtherLayer() {
        SERVICE.check(SERVICE.domainDependsOnNoOtherLayer());
    }

    @Test
    void theApiReachesPersistenceAndEventsOnlyThroughTheDomain() {
        SERVICE.check(SERVICE.apiDependsOnlyOnTheDomain());
    }

    @Test
    void persistenceImplementsTheDomainAndKnowsNeitherApiNorEvents() {
        SERVICE.check(SERVICE.persistenceImplementsTheDomainOnly());
    }

    @Test
    void eventsImplementTheDomainAndKnowNeitherApiNorPersistence() {
        SERVICE.check(SERVICE.eventsImplementTheDomainOnly());
    }

    @Test
    void theDomainUsesNoHttpProblemJsonSqlHibernateQuarkusOrKafkaType() {
        SERVICE.check(SERVICE.domainKnowsNoFramework());
    }
}
