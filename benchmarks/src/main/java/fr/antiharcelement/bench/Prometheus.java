package fr.antiharcelement.bench;

import java.net.http.HttpResponse;

/** Reads a service's {@code /q/metrics} (Prometheus text format). */
final class Prometheus {

    private Prometheus() {
    }

    /** The sum of every sample of {@code metric} whose labels contain {@code labelFragment} (0 when there is none). */
    static double sum(Http http, String serviceUrl, String metric, String labelFragment) {
        HttpResponse<String> response = http.send(Http.get(serviceUrl + "/q/metrics", null));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(serviceUrl + "/q/metrics answered " + response.statusCode());
        }
        double total = 0;
        for (String line : response.body().split("\n")) {
            if (line.startsWith("#") || !line.startsWith(metric)) {
                continue;
            }
            int labelsEnd = line.lastIndexOf('}');
            String name = line.substring(0, line.indexOf('{') > 0 ? line.indexOf('{') : line.indexOf(' '));
            if (!name.equals(metric) || (labelsEnd < 0 ? !labelFragment.isEmpty() : !line.substring(0, labelsEnd).contains(labelFragment))) {
                continue;
            }
            String[] parts = line.trim().split(" ");
            total += Double.parseDouble(parts[parts.length - 1]);
        }
        return total;
    }
}
