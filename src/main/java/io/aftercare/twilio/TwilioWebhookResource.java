package io.aftercare.twilio;

import io.aftercare.problem.Problem;
import io.aftercare.reply.ReplyInbox;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.media.SchemaProperty;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Where Twilio calls back; authenticated by Twilio's request signature, not by an API key. */
@Path("/v1/twilio")
@PermitAll
@Tag(name = "Twilio webhooks")
@SecurityRequirementsSet({}) // Twilio signs its requests; no API key
@APIResponse(
        responseCode = "403",
        description = "Missing or wrong X-Twilio-Signature",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
@APIResponse(
        responseCode = "404",
        description = "Twilio webhooks are not configured",
        content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = Problem.class)))
class TwilioWebhookResource {

    private static final String SIGNATURE = "X-Twilio-Signature";

    private final TwilioWebhooks webhooks;
    private final TwilioStatusReports statusReports;
    private final ReplyInbox inbound;

    TwilioWebhookResource(TwilioWebhooks webhooks, TwilioStatusReports statusReports, ReplyInbox inbound) {
        this.webhooks = webhooks;
        this.statusReports = statusReports;
        this.inbound = inbound;
    }

    @POST
    @Path("/status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(
            operationId = "receiveTwilioStatus",
            summary = "Twilio's status callback for a text we sent (MessageSid, MessageStatus, ErrorCode)")
    // The fields read; Twilio posts more (AccountSid, ApiVersion, ...), which are signed and otherwise ignored.
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            requiredProperties = {"MessageSid", "MessageStatus"},
                                            properties = {
                                                @SchemaProperty(name = "MessageSid", type = SchemaType.STRING),
                                                @SchemaProperty(name = "MessageStatus", type = SchemaType.STRING),
                                                @SchemaProperty(name = "ErrorCode", type = SchemaType.STRING),
                                                @SchemaProperty(name = "To", type = SchemaType.STRING)
                                            })))
    @APIResponse(
            responseCode = "204",
            description = "Recorded; kept until its text is recorded when it came first; or older than what was known"
                    + " and ignored")
    public Response status(@HeaderParam(SIGNATURE) String signature, MultivaluedMap<String, String> form) {
        webhooks.verify(TwilioWebhooks.STATUS_PATH, form, signature);
        statusReports.record(
                form.getFirst("MessageSid"),
                form.getFirst("MessageStatus"),
                form.getFirst("ErrorCode"),
                form.getFirst("To"));
        return Response.noContent().build();
    }

    @POST
    @Path("/inbound")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_XML)
    @Operation(
            operationId = "receiveTwilioInbound",
            summary = "Twilio's incoming-message webhook (MessageSid, From, To, Body)",
            description = "Every reply is kept once per MessageSid for the clinic(s) it belongs to and triaged; an"
                    + " urgent one is answered with the plan's safety text. STOP, START and HELP keep their meaning;"
                    + " HELP is answered here only with aftercare.twilio.answer-help (Twilio answers it otherwise)."
                    + " A MessageSid seen before changes nothing.")
    @RequestBody(
            required = true,
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_FORM_URLENCODED,
                            schema =
                                    @Schema(
                                            type = SchemaType.OBJECT,
                                            requiredProperties = {"MessageSid", "From", "To"},
                                            properties = {
                                                @SchemaProperty(name = "MessageSid", type = SchemaType.STRING),
                                                @SchemaProperty(name = "From", type = SchemaType.STRING),
                                                @SchemaProperty(name = "To", type = SchemaType.STRING),
                                                @SchemaProperty(name = "Body", type = SchemaType.STRING)
                                            })))
    @APIResponse(responseCode = "200", description = "TwiML: empty, or the HELP answer when the service gives it")
    public String inbound(@HeaderParam(SIGNATURE) String signature, MultivaluedMap<String, String> form) {
        webhooks.verify(TwilioWebhooks.INBOUND_PATH, form, signature);
        return inbound.receive(
                        form.getFirst("MessageSid"), form.getFirst("From"), form.getFirst("To"), form.getFirst("Body"))
                .map(reply -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>" + xml(reply)
                        + "</Message></Response>")
                .orElse("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>");
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
