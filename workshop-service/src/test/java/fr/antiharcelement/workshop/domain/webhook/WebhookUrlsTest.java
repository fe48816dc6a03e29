package fr.antiharcelement.workshop.domain.webhook;

import fr.antiharcelement.kernel.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which endpoints production accepts, and how long a failing delivery waits; no server needed. */
class WebhookUrlsTest {

    private static final WebhookPolicy PRODUCTION = new WebhookPolicy(true, false, Duration.ofHours(24), Duration.ofSeconds(10),
            Duration.ofHours(1));
    private static final WebhookPolicy LOCAL = new WebhookPolicy(false, true, Duration.ofHours(24), Duration.ofSeconds(10),
            Duration.ofHours(1));

    @Test
    void productionTakesHttpsOnPublicAddressesOnly() {
        assertThat(WebhookUrls.check("https://93.184.216.34/hooks", PRODUCTION).getHost()).isEqualTo("93.184.216.34");
        for (String refused : new String[]{"http://93.184.216.34/hooks", "https://127.0.0.1/hooks", "https://localhost/hooks",
                "https://10.1.2.3/hooks", "https://192.168.1.10/hooks", "https://172.16.0.1/hooks", "https://169.254.169.254/latest",
                "https://[::1]/hooks", "https://[fd00::1]/hooks", "https://0.0.0.0/hooks", "https://100.64.0.1/hooks",
                "https://user:pw@93.184.216.34/hooks"}) {
            assertThatThrownBy(() -> WebhookUrls.check(refused, PRODUCTION)).as(refused).isInstanceOf(InvalidInputException.class)
                    .hasMessageStartingWith("url: ");
        }
    }

    @Test
    void localRunsTakeLoopbackOverHttp() {
        assertThat(WebhookUrls.check("http://127.0.0.1:8099/hooks", LOCAL).getPort()).isEqualTo(8099);
        assertThatThrownBy(() -> WebhookUrls.check("ftp://127.0.0.1/hooks", LOCAL)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void aFailingDeliveryWaitsTwiceAsLongEachTimeUpToTheLongestPause() {
        assertThat(PRODUCTION.pauseAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(PRODUCTION.pauseAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(PRODUCTION.pauseAfter(4)).isEqualTo(Duration.ofSeconds(80));
        assertThat(PRODUCTION.pauseAfter(30)).isEqualTo(Duration.ofHours(1));
    }
}
