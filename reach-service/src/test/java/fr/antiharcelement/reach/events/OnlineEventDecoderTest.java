package fr.antiharcelement.reach.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.antiharcelement.events.CloudEvent;
import fr.antiharcelement.events.consumer.IncomingEvent;
import fr.antiharcelement.reach.domain.online.CampaignOnlineTargets;
import fr.antiharcelement.reach.domain.online.CreatorPostState;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Creator-post events and campaigns' online targets read as workshop-service's contract describes them. */
class OnlineEventDecoderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID POST = UUID.fromString("2b0c9b8e-1d4f-4a8e-9f7a-3c2d1e0f9a8b");
    private static final String MEASURED = """
            {"id":"2b0c9b8e-1d4f-4a8e-9f7a-3c2d1e0f9a8b","campaignCode":"2021-2022","creatorHandle":"justriadh",
            "creatorName":"Just Riadh","platform":"INSTAGRAM","url":"https://www.instagram.com/reel/abc/",
            "publishedAt":"2021-11-16T18:00:00+01:00","format":"REEL","metrics":{"measuredAt":"2021-11-20T18:00:00+01:00",
            "impressions":120000,"accountsReached":80000,"views":null,"likes":4500,"comments":900,"shares":300,"saves":null},
            "version":2}""";

    @Test
    void aMeasuredPostGivesItsImpressionsAccountsReachedAndEngagementsWithoutViews() {
        CreatorPostState post = OnlineEventDecoder.post(event(MEASURED, 2));

        assertThat(post).isEqualTo(new CreatorPostState(POST, 2, "2021-2022", "justriadh", "Just Riadh", "INSTAGRAM",
                OffsetDateTime.parse("2021-11-16T18:00:00+01:00"), 120_000, 80_000, 4_500 + 900 + 300));
        assertThat(post.contribution().day()).hasToString("2021-11-16");
    }

    @Test
    void aPostWithoutFiguresYetCountsAsAPostWithNothingElse() {
        ObjectNode data = json(MEASURED);
        data.putNull("metrics");

        CreatorPostState post = OnlineEventDecoder.post(event(data.toString(), 1));

        assertThat(List.of(post.impressions(), post.accountsReached(), post.engagements())).containsExactly(0L, 0L, 0L);
    }

    @Test
    void aFractionalOrNegativeCountOrAnUnknownPlatformIsRefusedNamingIt() {
        ObjectNode fractional = json(MEASURED);
        ((ObjectNode) fractional.get("metrics")).put("likes", 1.5);
        ObjectNode negative = json(MEASURED);
        ((ObjectNode) negative.get("metrics")).put("impressions", -3);
        ObjectNode platform = json(MEASURED);
        platform.put("platform", "MYSPACE");

        assertThatThrownBy(() -> OnlineEventDecoder.post(event(fractional.toString(), 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("likes");
        assertThatThrownBy(() -> OnlineEventDecoder.post(event(negative.toString(), 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("impressions");
        assertThatThrownBy(() -> OnlineEventDecoder.post(event(platform.toString(), 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown platform MYSPACE");
    }

    @Test
    void aCampaignsOnlineTargetsAreOptional() {
        String withTargets = """
                {"code":"2021-2022","name":"C","startsOn":"2021-09-01","endsOn":"2022-06-30","targets":{"studentsSensitised":1,
                "studentWorkshops":1,"parentWorkshops":1,"schools":1,"online":{"impressions":5000000,"accountsReached":null,
                "engagements":250000}},"version":2}""";
        String without = """
                {"code":"2021-2022","name":"C","startsOn":"2021-09-01","endsOn":"2022-06-30","targets":{"studentsSensitised":1,
                "studentWorkshops":1,"parentWorkshops":1,"schools":1},"version":1}""";

        assertThat(OnlineEventDecoder.targets(json(withTargets)))
                .isEqualTo(new CampaignOnlineTargets("2021-2022", 5_000_000L, null, 250_000L));
        assertThat(OnlineEventDecoder.targets(json(without))).isEqualTo(new CampaignOnlineTargets("2021-2022", null, null, null));
    }

    private static IncomingEvent event(String data, long version) {
        CloudEvent cloudEvent = new CloudEvent(UUID.randomUUID().toString(), "creator-post.measured", "/workshop-service",
                POST.toString(), OffsetDateTime.parse("2021-11-20T18:00:01+01:00"), data);
        return new IncomingEvent(OnlineEventDecoder.CREATOR_POST_TOPIC, 0, version, POST.toString(), version, cloudEvent);
    }

    private static ObjectNode json(String text) {
        try {
            return (ObjectNode) JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
