package fr.antiharcelement.reach.api;

import fr.antiharcelement.reach.domain.Breakdown;
import fr.antiharcelement.reach.domain.CampaignReach;
import fr.antiharcelement.reach.domain.ReachReport;
import fr.antiharcelement.reach.domain.ReachRow;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Reach's figures as Prometheus gauges on {@code /q/metrics}, each with a {@code campaign} label, for ops teams that run
 * Grafana. They are read on the scrape, from the same summary and breakdowns the API answers (so they are exact, and
 * equal to the summary), and reused for {@code reach.live.gauges-cache} so that every gauge of one scrape reads the same
 * figures. Every reach instance answers the same values (they come from the shared database): sum nothing across
 * instances, take one ({@code max by (campaign)}).
 *
 * <p>A gauge exists once registered: a campaign, partner or région reach did not know at the previous scrape is
 * registered by the scrape that first finds it, and appears from the next one.
 */
@ApplicationScoped
public class ReachGauges {

    private static final Logger LOG = Logger.getLogger(ReachGauges.class);

    @Inject
    MeterRegistry registry;

    @Inject
    ReachReport report;

    @Inject
    ReachLiveConfig config;

    /** The figures a scrape reads. */
    record Figures(Map<String, CampaignReach> campaigns, Map<String, Map<String, ReachRow>> byPartner,
                   Map<String, Map<String, ReachRow>> byRegion, long lagMs) {
        static final Figures NONE = new Figures(Map.of(), Map.of(), Map.of(), 0);
    }

    private volatile Figures figures = Figures.NONE;
    private volatile long readAt;
    private volatile boolean read;
    private final Set<String> registered = ConcurrentHashMap.newKeySet();

    /** The campaigns known at start-up have their gauges from the first scrape. */
    void onStart(@Observes StartupEvent startup) {
        registry.gauge("reach.lag.seconds", this, self -> self.figures().lagMs() / 1000.0);
        try {
            figures();
        } catch (RuntimeException e) {
            LOG.warnf("Reach gauges: no figures yet (%s); the first scrape reads them", e.getMessage());
        }
    }

    /** The figures, read again once they are older than the cache; new keys get their gauges. */
    synchronized Figures figures() {
        if (read && System.nanoTime() - readAt < config.gaugesCache().toNanos()) {
            return figures;
        }
        Map<String, CampaignReach> campaigns = new HashMap<>();
        Map<String, Map<String, ReachRow>> byPartner = new HashMap<>();
        Map<String, Map<String, ReachRow>> byRegion = new HashMap<>();
        long lag = 0;
        for (CampaignReach campaign : report.campaigns()) {
            campaigns.put(campaign.code(), campaign);
            lag = campaign.lagMs();
            byPartner.put(campaign.code(), byKey(report.breakdown(campaign.code(), Breakdown.PARTNER, null, null)));
            byRegion.put(campaign.code(), byKey(report.breakdown(campaign.code(), Breakdown.REGION, null, null)));
        }
        figures = new Figures(campaigns, byPartner, byRegion, lag);
        readAt = System.nanoTime();
        read = true;
        register(figures);
        return figures;
    }

    private void register(Figures read) {
        read.campaigns().forEach((code, campaign) -> {
            if (registered.add("campaign " + code)) {
                campaignGauge("reach.students.sensitised", "Students sensitised (pupils who attended a delivered workshop)", code,
                        c -> c.totals().studentsSensitised());
                campaignGauge("reach.parents.sensitised", "Parents sensitised", code, c -> c.totals().parentsSensitised());
                campaignGauge("reach.schools.reached", "Schools with at least one delivered workshop", code,
                        c -> c.totals().schoolsReached());
                campaignGauge("reach.workshops.scheduled", "Workshops scheduled, not yet delivered nor cancelled", code,
                        c -> c.totals().workshopsScheduled());
                Gauge.builder("reach.workshops.delivered", this, self -> self.campaign(code, c -> c.totals().studentWorkshopsDelivered()))
                        .description("Workshops delivered").tags("campaign", code, "audience", "STUDENTS").register(registry);
                Gauge.builder("reach.workshops.delivered", this, self -> self.campaign(code, c -> c.totals().parentWorkshopsDelivered()))
                        .description("Workshops delivered").tags("campaign", code, "audience", "PARENTS").register(registry);
                target(code, "studentsSensitised", c -> c.targets().studentsSensitised());
                target(code, "parentsSensitised", c -> c.targets().parentsSensitised());
                target(code, "studentWorkshops", c -> c.targets().studentWorkshops());
                target(code, "parentWorkshops", c -> c.targets().parentWorkshops());
                target(code, "schools", c -> c.targets().schools());
                campaignGauge("reach.as.of.timestamp.seconds", "When the newest event counted happened (Unix time)", code,
                        c -> c.asOf() == null ? Double.NaN : c.asOf().toEpochSecond());
            }
        });
        read.byPartner().forEach((code, rows) -> rows.forEach((partner, row) -> {
            if (registered.add("partner " + code + " " + partner)) {
                keyGauges("partner", code, partner, partner, Figures::byPartner);
            }
        }));
        read.byRegion().forEach((code, rows) -> rows.forEach((region, row) -> {
            if (registered.add("region " + code + " " + region)) {
                keyGauges("region", code, region, row.name() == null ? region : row.name(), Figures::byRegion);
            }
        }));
    }

    private void campaignGauge(String name, String description, String code, ToDoubleFunction<CampaignReach> value) {
        Gauge.builder(name, this, self -> self.campaign(code, value)).description(description).tags("campaign", code).register(registry);
    }

    /** The campaign's target for one measure; NaN (no sample) where the campaign has none. */
    private void target(String code, String measure, java.util.function.Function<CampaignReach, Integer> value) {
        Gauge.builder("reach.target", this, self -> self.campaign(code, c -> {
                    Integer target = value.apply(c);
                    return target == null ? Double.NaN : target;
                })).description("The campaign's target for each measure").tags("campaign", code, "measure", measure)
                .register(registry);
    }

    private void keyGauges(String dimension, String code, String key, String label,
                           java.util.function.Function<Figures, Map<String, Map<String, ReachRow>>> rows) {
        ToDoubleFunction<ToDoubleFunction<ReachRow>> read = metric -> {
            ReachRow row = rows.apply(figures()).getOrDefault(code, Map.of()).get(key);
            return row == null ? 0 : metric.applyAsDouble(row); // nothing left under the key: 0
        };
        Gauge.builder("reach." + dimension + ".students.sensitised", this, self -> read.applyAsDouble(ReachRow::studentsSensitised))
                .description("Students sensitised by " + dimension).tags("campaign", code, dimension, label).register(registry);
        Gauge.builder("reach." + dimension + ".parents.sensitised", this, self -> read.applyAsDouble(ReachRow::parentsSensitised))
                .description("Parents sensitised by " + dimension).tags("campaign", code, dimension, label).register(registry);
        Gauge.builder("reach." + dimension + ".workshops.delivered", this,
                        self -> read.applyAsDouble(row -> row.studentWorkshopsDelivered() + row.parentWorkshopsDelivered()))
                .description("Workshops delivered by " + dimension).tags("campaign", code, dimension, label).register(registry);
    }

    private double campaign(String code, ToDoubleFunction<CampaignReach> value) {
        CampaignReach campaign = figures().campaigns().get(code);
        return campaign == null ? Double.NaN : value.applyAsDouble(campaign);
    }

    private static Map<String, ReachRow> byKey(List<ReachRow> rows) {
        Map<String, ReachRow> byKey = new HashMap<>();
        rows.forEach(row -> byKey.put(row.key(), row));
        return byKey;
    }
}
