package fr.antiharcelement.reach.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.antiharcelement.reach.domain.CampaignReach;
import fr.antiharcelement.reach.domain.ReachReport;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The open summary streams of this instance, and the one thread that feeds them. Every poll interval it reads, from
 * PostgreSQL, the summary of each campaign someone streams (one indexed read per campaign, whoever many watch it) and
 * sends it to each stream that has not got these figures yet. Reading the database, not this instance's consumer,
 * makes every instance see every change, whichever instance applied it; polling coalesces a burst of changes into at
 * most one push per interval. A heartbeat carries the freshness (asOf, lag) when the figures did not change; a stream
 * ends when its token expires, so that the client reconnects and shows the token is no longer valid.
 */
@ApplicationScoped
public class SummaryStreams {

    private static final Logger LOG = Logger.getLogger(SummaryStreams.class);

    /** Tells the EventSource of a client that lost its connection to come back after 2 s. */
    private static final long RECONNECT_DELAY_MS = 2_000;

    @Inject
    ReachReport report;

    @Inject
    ObjectMapper json;

    @Inject
    ReachLiveConfig config;

    /** Open streams by campaign code. */
    private final Map<String, Set<Stream>> streams = new ConcurrentHashMap<>();

    private ScheduledExecutorService ticker;
    private volatile long lastHeartbeat = System.nanoTime();
    private volatile boolean failing;

    /** One client's stream: the figures it last got (without the freshness) and when its token expires. */
    private static final class Stream {
        final SseEventSink sink;
        final Sse sse;
        final Instant expiresAt;
        volatile CampaignReach figuresSent;

        Stream(SseEventSink sink, Sse sse, Instant expiresAt) {
            this.sink = sink;
            this.sse = sse;
            this.expiresAt = expiresAt;
        }
    }

    @PostConstruct
    void start() {
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "reach-summary-streams");
            thread.setDaemon(true);
            return thread;
        });
        long interval = config.pollInterval().toMillis();
        ticker.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        ticker.shutdownNow();
        streams.values().forEach(open -> open.forEach(stream -> stream.sink.close()));
        streams.clear();
    }

    /** Sends {@code current} at once, then every change of the campaign's figures until the client leaves or the token expires. */
    public void open(String code, CampaignReach current, SseEventSink sink, Sse sse, Instant tokenExpiresAt) {
        Stream stream = new Stream(sink, sse, tokenExpiresAt);
        send(stream, current, true);
        streams.computeIfAbsent(code, key -> ConcurrentHashMap.newKeySet()).add(stream);
    }

    /** Open streams on this instance, for the tests and the logs. */
    int openStreams() {
        return streams.values().stream().mapToInt(Set::size).sum();
    }

    private void tick() {
        try {
            boolean heartbeat = System.nanoTime() - lastHeartbeat >= config.heartbeatInterval().toNanos();
            if (heartbeat) {
                lastHeartbeat = System.nanoTime();
            }
            Instant now = Instant.now();
            for (Map.Entry<String, Set<Stream>> campaign : streams.entrySet()) {
                Set<Stream> open = campaign.getValue();
                open.removeIf(stream -> stream.sink.isClosed() || ended(stream, now));
                if (open.isEmpty()) {
                    streams.remove(campaign.getKey(), open);
                    continue;
                }
                CampaignReach current = report.summary(campaign.getKey());
                for (Stream stream : open) {
                    if (!figures(current).equals(stream.figuresSent)) {
                        send(stream, current, false);
                    } else if (heartbeat) {
                        heartbeat(stream, current);
                    }
                }
            }
            if (failing) {
                LOG.info("Summary streams read the figures again");
                failing = false;
            }
        } catch (RuntimeException e) {
            // the database away, most likely: the streams stay open and get the figures once it is back
            if (!failing) {
                LOG.warnf("Summary streams cannot read the figures: %s", e.getMessage());
                failing = true;
            }
        }
    }

    /** A stream whose token has expired is ended: its client reconnects, and is then told the token is no longer valid. */
    private static boolean ended(Stream stream, Instant now) {
        if (stream.expiresAt != null && now.isAfter(stream.expiresAt)) {
            stream.sink.close();
            return true;
        }
        return false;
    }

    private void send(Stream stream, CampaignReach summary, boolean first) {
        stream.figuresSent = figures(summary);
        OutboundSseEvent.Builder event = stream.sse.newEventBuilder().name("summary").data(write(summary));
        if (first) {
            event.reconnectDelay(RECONNECT_DELAY_MS);
        }
        deliver(stream, event.build());
    }

    private void heartbeat(Stream stream, CampaignReach summary) {
        deliver(stream, stream.sse.newEventBuilder().name("heartbeat")
                .data(write(new Heartbeat(summary.asOf() == null ? null : summary.asOf().toString(), summary.lagMs()))).build());
    }

    /** What a heartbeat carries: how fresh the figures are. */
    record Heartbeat(String asOf, long lagMs) {
    }

    private void deliver(Stream stream, OutboundSseEvent event) {
        if (stream.sink.isClosed()) {
            return;
        }
        stream.sink.send(event).exceptionally(gone -> {
            stream.sink.close(); // the client left: the next tick drops the stream
            return null;
        });
    }

    /** The summary without its freshness (asOf is the whole projection's, the lag moves all the time): what a change is. */
    private static CampaignReach figures(CampaignReach summary) {
        return new CampaignReach(summary.code(), summary.name(), summary.startsOn(), summary.endsOn(), summary.totals(),
                summary.targets(), summary.progress(), summary.pace(), summary.online(), null, 0);
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
