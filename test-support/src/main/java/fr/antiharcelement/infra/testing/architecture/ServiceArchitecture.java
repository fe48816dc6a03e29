package fr.antiharcelement.infra.testing.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import java.util.List;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout every service follows, as rules over its compiled classes: {@code api -> domain <- persistence},
 * {@code events -> domain}, no cycle between its packages, and a domain that knows neither HTTP nor SQL nor the
 * event wire format. Each service's {@code ArchitectureTest} checks them on its own base package.
 */
public final class ServiceArchitecture {

    /** The packages of every service, below its base package. */
    public static final List<String> LAYERS = List.of("api", "domain", "persistence", "events");

    /**
     * What a domain must not use: HTTP and problem+json (the API maps the domain's exceptions), the event backbone
     * and JSON (events are decoded in {@code events}), SQL, JPA and Hibernate, even their annotations (rows are mapped
     * by hand in {@code persistence}), Kafka, Vert.x and OpenAPI annotations.
     */
    static final List<String> FORBIDDEN_IN_DOMAIN = List.of("jakarta.ws.rs..", "fr.antiharcelement.api..",
            "fr.antiharcelement.events..", "com.fasterxml.jackson..", "java.sql..", "javax.sql..", "jakarta.persistence..",
            "org.hibernate..",
            "io.quarkus..", "org.apache.kafka..", "io.vertx..", "org.eclipse.microprofile.openapi..",
            "org.jboss.resteasy..");

    private final String base;
    private final JavaClasses classes;

    private ServiceArchitecture(String base) {
        this.base = base;
        this.classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(base);
    }

    /** The main classes of the service whose base package is {@code base}, e.g. {@code fr.antiharcelement.school}. */
    public static ServiceArchitecture of(String base) {
        return new ServiceArchitecture(base);
    }

    /** Every layer the rules name has classes: a rule on a package that does not exist would check nothing. */
    public ServiceArchitecture assertLayersExist() {
        for (String layer : LAYERS) {
            assertThat(classes.stream().anyMatch(c -> c.getPackageName().equals(layer(layer)) || c.getPackageName().startsWith(layer(layer) + ".")))
                    .as("package %s has classes", layer(layer)).isTrue();
        }
        return this;
    }

    public void check(ArchRule rule) {
        rule.check(classes);
    }

    public ArchRule noCyclesBetweenPackages() {
        return slices().matching(base + ".(*)..").should().beFreeOfCycles().as("no cycle between the packages of " + base);
    }

    public ArchRule domainDependsOnNoOtherLayer() {
        return noClasses().that().resideInAPackage(pkg("domain")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("api"), pkg("persistence"), pkg("events"))
                .as("the domain of " + base + " depends on no other layer of it (it owns its ports)");
    }

    public ArchRule apiDependsOnlyOnTheDomain() {
        return noClasses().that().resideInAPackage(pkg("api")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("persistence"), pkg("events"))
                .as("the api of " + base + " reaches persistence and events only through the domain");
    }

    public ArchRule persistenceImplementsTheDomainOnly() {
        return noClasses().that().resideInAPackage(pkg("persistence")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("api"), pkg("events"))
                .as("the persistence of " + base + " depends on the domain only");
    }

    public ArchRule eventsImplementTheDomainOnly() {
        return noClasses().that().resideInAPackage(pkg("events")).should().dependOnClassesThat()
                .resideInAnyPackage(pkg("api"), pkg("persistence"))
                .as("the events of " + base + " depend on the domain only");
    }

    public ArchRule domainKnowsNoFramework() {
        return noClasses().that().resideInAPackage(pkg("domain")).should().dependOnClassesThat()
                .resideInAnyPackage(FORBIDDEN_IN_DOMAIN.toArray(String[]::new))
                .as("the domain of " + base + " uses no HTTP, problem, JSON, SQL, Hibernate, Quarkus or Kafka type");
    }

    /** Checks every rule above, after checking that the packages they name exist. */
    public void checkAll() {
        assertLayersExist();
        check(noCyclesBetweenPackages());
        check(domainDependsOnNoOtherLayer());
        check(apiDependsOnlyOnTheDomain());
        check(persistenceImplementsTheDomainOnly());
        check(eventsImplementTheDomainOnly());
        check(domainKnowsNoFramework());
    }

    private String layer(String name) {
        return base + "." + name;
    }

    private String pkg(String name) {
        return layer(name) + "..";
    }
}
