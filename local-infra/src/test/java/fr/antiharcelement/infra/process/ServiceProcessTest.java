package fr.antiharcelement.infra.process;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceProcessTest {

    @Test
    void optionsGivenForOneServiceGoToThatServiceOnly() {
        Properties properties = properties(ServiceProcess.MEASUREMENT_OPTIONS + ".workshop-service",
                " -XX:TieredStopAtLevel=1   -Xlog:gc ");

        assertThat(ServiceProcess.measurementOptions("workshop-service", properties))
                .containsExactly("-XX:TieredStopAtLevel=1", "-Xlog:gc");
        assertThat(ServiceProcess.measurementOptions("reach-service", properties)).isEmpty();
    }

    @Test
    void aServicesOwnOptionsComeAfterEveryServicesSoThatTheyWin() {
        Properties properties = properties(ServiceProcess.MEASUREMENT_OPTIONS, "-Xmx128m -XX:+PrintFlagsFinal");
        properties.setProperty(ServiceProcess.MEASUREMENT_OPTIONS + ".reach-service", "-Xmx320m");

        assertThat(ServiceProcess.measurementOptions("reach-service", properties))
                .containsExactly("-Xmx128m", "-XX:+PrintFlagsFinal", "-Xmx320m");
        assertThat(ServiceProcess.measurementOptions("school-service", properties))
                .containsExactly("-Xmx128m", "-XX:+PrintFlagsFinal");
    }

    @Test
    void withoutThePropertiesAServiceGetsNoExtraOption() {
        assertThat(ServiceProcess.measurementOptions("school-service", new Properties())).isEmpty();
        assertThat(ServiceProcess.measurementOptions("school-service", properties(ServiceProcess.MEASUREMENT_OPTIONS, "  ")))
                .isEmpty();
    }

    private static Properties properties(String key, String value) {
        Properties properties = new Properties();
        properties.setProperty(key, value);
        return properties;
    }
}
