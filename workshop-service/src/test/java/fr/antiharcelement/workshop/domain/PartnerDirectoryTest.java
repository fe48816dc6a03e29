package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.NotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Partners and their facilitators, through in-memory stores, with the clock fixed. */
class PartnerDirectoryTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2021-06-01T09:00:00+02:00");

    private final PartnerDirectory directory = new PartnerDirectory();

    @BeforeEach
    void anEmptyDirectory() {
        directory.partners = new Stores.Partners(new HashMap<>());
        directory.facilitators = new Stores.Facilitators(new HashMap<>());
        directory.clock = Clock.fixed(NOW.toInstant(), CampaignTime.ZONE);
    }

    @Test
    void aPartnerIsRegisteredOnceAndPartnersAreListedByName() {
        directory.register("gn", "Génération Numérique");
        directory.register("e-enfance", "Association e-Enfance");

        assertThatExceptionOfType(ConflictException.class).as("registering gn twice")
                .isThrownBy(() -> directory.register("gn", "Again")).withMessage("Partner gn exists already");
        assertThat(directory.all()).as("partners listed").extracting(p -> p.name)
                .containsExactly("Association e-Enfance", "Génération Numérique");
        assertThat(directory.find("gn").createdAt).as("registration time of gn").isEqualTo(NOW);
    }

    @Test
    void facilitatorsBelongToAKnownPartnerAndAreListedByDisplayName() {
        directory.register("gn", "Génération Numérique");
        directory.register("e-enfance", "Association e-Enfance");
        directory.addFacilitator("gn", "Sam Bernard", "sam@gn.example");
        directory.addFacilitator("gn", "Alex Martin", "alex@gn.example");
        directory.addFacilitator("e-enfance", "Camille Roux", "camille@e-enfance.example");

        assertThat(directory.facilitators("gn")).as("gn's facilitators").extracting(f -> f.displayName)
                .containsExactly("Alex Martin", "Sam Bernard");
        assertThatExceptionOfType(NotFoundException.class).as("a facilitator for a partner never registered")
                .isThrownBy(() -> directory.addFacilitator("nobody", "Perdu", "p@x.example")).withMessage("No partner nobody");
        assertThatExceptionOfType(NotFoundException.class).as("the facilitators of a partner never registered")
                .isThrownBy(() -> directory.facilitators("nobody"));
    }
}
