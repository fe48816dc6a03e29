package fr.antiharcelement.workshop.api;

import fr.antiharcelement.api.http.PageParams;
import fr.antiharcelement.api.problem.ProblemException;
import fr.antiharcelement.api.security.Caller;
import fr.antiharcelement.api.security.Roles;
import fr.antiharcelement.kernel.paging.PageView;
import fr.antiharcelement.workshop.domain.webhook.Webhook;
import fr.antiharcelement.workshop.domain.webhook.WebhookDelivery;
import fr.antiharcelement.workshop.domain.webhook.Webhooks;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A partner's webhooks: staff's and that partner's business only. */
@Path("/api/v1/partners/{code}/webhooks")
@Tag(name = "Webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.ADMIN, Roles.PARTNER})
public class WebhookResource {

    public record WebhookRequest(@NotBlank @Size(max = 2000) @Schema(examples = "https://crm.partner.example/hooks/workshops")
                                 String url) {
    }

    /** An endpoint as listed: never its secret. */
    public record WebhookView(UUID id, String partnerCode, String url, Webhook.Status status, String lastError,
                              OffsetDateTime disabledAt, OffsetDateTime createdAt) {
        static WebhookView of(Webhook webhook) {
            return new WebhookView(webhook.id, webhook.partnerCode, webhook.url, webhook.status, webhook.lastError, webhook.disabledAt,
                    webhook.createdAt);
        }
    }

    /** The answer to a registration: the only one that shows the signing secret. */
    public record RegisteredView(UUID id, String partnerCode, String url, Webhook.Status status, OffsetDateTime createdAt,
                                 @Schema(description = "The signing secret, whsec_ and base64: shown this once, keep it")
                                 String secret) {
    }

    public record DeliveryView(long id, UUID eventId, String eventType, UUID workshopId, WebhookDelivery.Status status, int attempts,
                               Integer lastStatusCode, String lastError,
                               @Schema(description = "When it is tried next, while PENDING") OffsetDateTime nextAttemptAt,
                               OffsetDateTime createdAt, OffsetDateTime deliveredAt) {
        static DeliveryView of(WebhookDelivery delivery) {
            return new DeliveryView(delivery.id, delivery.eventId, delivery.eventType, delivery.workshopId, delivery.status,
                    delivery.attempts, delivery.lastStatusCode, delivery.lastError,
                    delivery.status == WebhookDelivery.Status.PENDING ? delivery.nextAttemptAt : null, delivery.createdAt,
                    delivery.deliveredAt);
        }
    }

    @Inject
    Webhooks webhooks;

    @Inject
    Caller caller;

    @POST
    @Operation(operationId = "registerWebhook", summary = "Register an endpoint told of every change to the partner's workshops "
            + "(signed CloudEvents); the answer shows the signing secret, once")
    @APIResponse(responseCode = "201", description = "Registered; keep the secret, it is never shown again",
            headers = @Header(name = "Location"), content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RegisteredView.class)))
    public Response register(@PathParam("code") String code, @Valid @NotNull WebhookRequest request, @Context UriInfo uri) {
        Webhooks.Registered registered = webhooks.register(code, request.url(), CallerScope.of(caller));
        Webhook webhook = registered.webhook();
        return Response.created(uri.getAbsolutePathBuilder().path(webhook.id.toString()).build())
                .entity(new RegisteredView(webhook.id, webhook.partnerCode, webhook.url, webhook.status, webhook.createdAt,
                        registered.secret()))
                .build();
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "The partner's endpoints, with their status and last error (never their secret)")
    @APIResponse(responseCode = "200", description = "The endpoints", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(type = SchemaType.ARRAY, implementation = WebhookView.class)))
    public List<WebhookView> list(@PathParam("code") String code) {
        return webhooks.of(code, CallerScope.of(caller)).stream().map(WebhookView::of).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(operationId = "getWebhook", summary = "One endpoint, with its status and why it was disabled if it was")
    @APIResponse(responseCode = "200", description = "The endpoint", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = WebhookView.class)))
    public WebhookView get(@PathParam("code") String code, @PathParam("id") String id) {
        return WebhookView.of(webhooks.find(code, webhookId(id), CallerScope.of(caller)));
    }

    @DELETE
    @Path("/{id}")
    @Operation(operationId = "removeWebhook", summary = "Remove an endpoint: nothing more is sent to it")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response remove(@PathParam("code") String code, @PathParam("id") String id) {
        webhooks.remove(code, webhookId(id), CallerScope.of(caller));
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries",
            summary = "The endpoint's deliveries, newest first: status, attempts, last status code, next attempt")
    public PageView<DeliveryView> deliveries(@PathParam("code") String code, @PathParam("id") String id,
                                             @BeanParam @Valid PageParams page) {
        return webhooks.deliveries(code, webhookId(id), page.toRequest(), CallerScope.of(caller)).map(DeliveryView::of);
    }

    @POST
    @Path("/{id}/deliveries/{deliveryId}/replay")
    @Operation(operationId = "replayWebhookDelivery", summary = "Send a delivery again (a disabled endpoint is enabled again)")
    @APIResponse(responseCode = "200", description = "The delivery, due again", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DeliveryView.class)))
    public DeliveryView replay(@PathParam("code") String code, @PathParam("id") String id,
                               @PathParam("deliveryId") String deliveryId) {
        return DeliveryView.of(webhooks.replay(code, webhookId(id), deliveryId(deliveryId), CallerScope.of(caller)));
    }

    /** Anything that is not a webhook's UUID names no webhook: a 404. */
    private static UUID webhookId(String value) {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("No webhook " + value);
        }
    }

    private static long deliveryId(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.notFound("No delivery " + value);
        }
    }
}
