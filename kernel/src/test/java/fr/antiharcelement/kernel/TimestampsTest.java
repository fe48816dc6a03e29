package fr.antiharcelement.kernel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TimestampsTest {

    @Test
    void readsWhatProducersWriteAsJavaTimeDoes() {
        for (String text : new String[]{"2021-10-05T09:00:00+02:00", "2026-11-30T11:24:45.123456Z",
                "2022-03-27T01:59:59.999+01:00", "2021-12-31T23:30:00.5-03:00"}) {
            assertThat(Timestamps.parse(text)).isEqualTo(OffsetDateTime.parse(text));
        }
    }

    @Test
    void readsTheTimeOffsetDateTimeWritesWithoutItsZeroSeconds() {
        OffsetDateTime onTheMinute = OffsetDateTime.of(2021, 10, 5, 9, 0, 0, 0, ZoneOffset.ofHours(2));

        assertThat(onTheMinute.toString()).isEqualTo("2021-10-05T09:00+02:00");
        assertThat(Timestamps.parse(onTheMinute.toString())).isEqualTo(onTheMinute);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "garbage", "2021-10-05", "2021-10-05T09", "2021-10-05T09:00:00", "2021-13-05T09:00:00Z",
            "2021-02-30T09:00:00Z"})
    void refusesATextThatIsNoDateTimeWithAnOffset(String text) {
        assertThatThrownBy(() -> Timestamps.parse(text)).isInstanceOf(DateTimeException.class);
    }
}
