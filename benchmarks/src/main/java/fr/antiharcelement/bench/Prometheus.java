package fr.antiharcelement.bench;

import java.net.http.HttpResponse;

/** Reads a service's {@code /q/metrics} (Prometheus text format). */
final class Prometheus {

    private Prometheus() {
    }

    /** The sum of every sample of {@code metric} whose labels contain {@code labelFragment} (0 when there is none). */
    static double sum(Http http, String serviceUrl, String metric, String labelFragment) {
        return scrape(http, serviceUrl).sum(metric, labelFragment);
    }

    /**
     * One read of the service's metrics, for several sums: a scrape renders every meter of the service, which costs it
     * CPU that a measurement running beside it would feel.
     */
    static Scrape scrape(Http http, String serviceUrl) {
        HttpResponse<String> response = http.send(Http.get(serviceUrl + "/q/metrics", null));
        if (response.statusCode() != 200) {
            throw new IllegalStateException(serviceUrl + "/q/metrics answered " + response.statusCode());
        }
        return new Scrape(response.body().split("\n"));
    }

    /** The lines of one scrape. */
    record Scrape(String[] lines) {

        /** As {@link Prometheus#sum}, over this scrape. */
        double sum(String metric, String labelFragment) {
            double total = 0;
            for (String line : lines) {
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
}
