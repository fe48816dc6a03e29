package fr.antiharcelement.workshop.domain.webhook;

import java.util.List;

/** Sends deliveries to their endpoints, signed, all at once, and says what each endpoint answered. */
public interface WebhookSender {

    /** One delivery and the endpoint it goes to. */
    record Send(WebhookDelivery delivery, Webhook webhook) {
    }

    /** The endpoint's status code, or none and why (refused, timed out, an address not allowed). */
    record Answer(Integer statusCode, String error) {

        public boolean delivered() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    /** The answers in the order of {@code sends}. */
    List<Answer> send(List<Send> sends);
}
