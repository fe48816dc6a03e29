package fr.antiharcelement.workshop.domain;

import fr.antiharcelement.kernel.CampaignTime;
import fr.antiharcelement.kernel.ConflictException;
import fr.antiharcelement.kernel.NotFoundException;
import fr.antiharcelement.kernel.StaleVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Campaigns defined and changed by staff, through an in-memory store, with the clock fixed. */
class CampaignCatalogTest {

    private static final OffsetDateTime NOW = OffsetDateTime.parse("2021-06-01T09:00:00+02:00");

    private final CampaignCatalog catalog = new CampaignCatalog();
    private final List<String> published = new ArrayList<>();

    @BeforeEach
    void anEmptyCatalog() {
        catalog.campaigns = new Stores.Campaigns(new HashMap<>());
        catalog.clock = Clock.fixed(NOW.toInstant(), CampaignTime.ZONE);
        catalog.publisher = new ChangePublisher() {
            @Override
            public void campaign(CampaignChange change, Campaign campaign) {
                published.add(change + " " + campaign.code + " v" + campaign.version);
            }

            @Override
            public void workshop(WorkshopChange change, Workshop workshop, String partnerName) {
                throw new AssertionError("a campaign change published a workshop event");
            }
        };
    }

    @Test
    void aCampaignIsDefinedOnceAtVersionOneAndEachUpdatePublishesTheNextVersion() {
        Campaign defined = catalog.define("lpdm-2021", schoolYear("#LePoidsDesMots"));
        assertThat(defined).as("the campaign just defined").extracting(c -> c.version, c -> c.createdAt, c -> c.updatedAt)
                .containsExactly(1L, NOW, NOW);

        assertThatExceptionOfType(ConflictException.class).as("defining lpdm-2021 twice")
                .isThrownBy(() -> catalog.define("lpdm-2021", schoolYear("Again")))
                .withMessage("Campaign lpdm-2021 exists already; change it with PUT /api/v1/campaigns/lpdm-2021");
        catalog.update("lpdm-2021", 1, schoolYear("#LePoidsDesMots 2021"));

        assertThat(catalog.find("lpdm-2021").name).as("name after the update").isEqualTo("#LePoidsDesMots 2021");
        assertThat(published).as("campaign events published").containsExactly("DEFINED lpdm-2021 v1", "UPDATED lpdm-2021 v2");
    }

    @Test
    void anUpdateFromAStaleVersionOrOfAnUnknownCampaignChangesNothing() {
        catalog.define("lpdm-2021", schoolYear("#LePoidsDesMots"));
        catalog.update("lpdm-2021", 1, schoolYear("Second"));

        assertThatExceptionOfType(StaleVersionException.class).as("an update from version 1 of a campaign at version 2")
                .isThrownBy(() -> catalog.update("lpdm-2021", 1, schoolYear("Lost")))
                .satisfies(e -> assertThat(e.facts()).as("members of the answer").containsEntry("currentVersion", 2L));
        assertThatExceptionOfType(NotFoundException.class).as("an update of a campaign never defined")
                .isThrownBy(() -> catalog.update("lpdm-1999", 1, schoolYear("None"))).withMessage("No campaign lpdm-1999");
        assertThat(catalog.find("lpdm-2021").name).as("name after the refused updates").isEqualTo("Second");
        assertThat(published).as("campaign events after the refused updates").hasSize(2);
    }

    @Test
    void campaignsAreListedTheLatestToStartFirst() {
        catalog.define("lpdm-2021", schoolYear("2021"));
        catalog.define("lpdm-2022", new CampaignDefinition("2022", LocalDate.of(2022, 9, 1), LocalDate.of(2023, 6, 30),
                1, null, 1, 1, 1));

        assertThat(catalog.all()).as("campaigns listed").extracting(c -> c.code).containsExactly("lpdm-2022", "lpdm-2021");
    }

    private static CampaignDefinition schoolYear(String name) {
        return new CampaignDefinition(name, LocalDate.of(2021, 9, 1), LocalDate.of(2022, 6, 30), 70_000, null, 1_800, 200, 300);
    }
}
