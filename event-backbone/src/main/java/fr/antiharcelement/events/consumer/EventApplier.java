package fr.antiharcelement.events.consumer;

import java.util.List;

/**
 * What a service does with the events it consumes. Called inside the consumer's database transaction with,
 * for each aggregate, only its newest event, and only when that is newer than what was applied before: events
 * carry full state, so an older one adds nothing. Throwing refuses the events; the consumer then retries them
 * one by one and sends the one that still fails to the dead letters.
 */
@FunctionalInterface
public interface EventApplier {

    void apply(List<IncomingEvent> events);
}
