package io.aftercare.page;

import io.aftercare.page.NoticeView.Kind;
import io.aftercare.page.OpenedPage.Closed;
import io.aftercare.page.OpenedPage.Open;
import io.aftercare.problem.RedactedFailure;
import io.quarkus.logging.Log;
import io.quarkus.qute.TemplateInstance;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A client's aftercare page and its calendar, at the link their texts carry. No login: the unguessable token is the
 * key. The token is in the URL, so no answer may leak it onward (no referrer, no cache, no index) and nothing logs a
 * request's path here; answers other than the page itself carry nothing that tells one token from another.
 */
// Over 150 lines: the page, the calendar and two catch-all routes share one counted, redacted answer and its
// headers; most of each route is its OpenAPI description.
@Path("/a")
@PermitAll
@Tag(name = "Client pages")
@SecurityRequirementsSet({}) // the token in the link is the key
public class ClientPageResource {

    static final String HTML = "text/html; charset=utf-8";
    static final String CALENDAR = "text/calendar; charset=utf-8";

    private final AftercarePages pages;
    private final PageViews views;
    private final AftercareCalendar calendars;
    private final PageRequestLimit limit;
    private final PageStyle style;

    ClientPageResource(
            AftercarePages pages,
            PageViews views,
            AftercareCalendar calendars,
            PageRequestLimit limit,
            PageStyle style) {
        this.pages = pages;
        this.views = views;
        this.calendars = calendars;
        this.limit = limit;
        this.style = style;
    }

    @GET
    @Path("/{token}")
    @Operation(
            operationId = "getClientPage",
            summary = "A client's aftercare page (HTML)",
            description = "The link of a session's texts; no authentication. Readable until aftercare.page.lifetime"
                    + " after the session's last step.")
    @APIResponse(
            responseCode = "200",
            description = "The page, in the client's language",
            content = @Content(mediaType = "text/html", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Unknown, malformed or erased link: one page for all")
    @APIResponse(responseCode = "410", description = "The aftercare ended, or the session was cancelled")
    @APIResponse(responseCode = "429", description = "Too many page requests from this address; see Retry-After")
    public Response page(
            @PathParam("token") String token, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return answer(
                token,
                headers,
                request,
                open -> html(
                        200,
                        PageTemplates.aftercare(views.view(open), style.css()).setLocale(open.locale())));
    }

    @GET
    @Path("/{token}/calendar.ics")
    @Operation(
            operationId = "getClientCalendar",
            summary = "The aftercare steps still to come, as an iCalendar file",
            description = "One event per remaining step, at the instant its text falls due; the same link life as the"
                    + " page.")
    @APIResponse(
            responseCode = "200",
            description = "text/calendar, as an attachment",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "404",
            description = "Unknown, malformed or erased link, or no step left to put in a calendar")
    @APIResponse(responseCode = "410", description = "The aftercare ended, or the session was cancelled")
    @APIResponse(responseCode = "429", description = "Too many page requests from this address; see Retry-After")
    public Response calendar(
            @PathParam("token") String token, @Context HttpHeaders headers, @Context HttpServerRequest request) {
        return answer(
                token,
                headers,
                request,
                open -> calendars
                        .ics(open)
                        .map(ics -> secured(Response.ok(ics)
                                        .type(CALENDAR)
                                        .header("Content-Disposition", "attachment; filename=\"aftercare.ics\""))
                                .build())
                        .orElseGet(() -> notice(new Closed(
                                new NoticeView(open.locale().getLanguage(), Kind.NO_STEPS_LEFT, open.clinic())))));
    }

    /**
     * Any other path under /a ({@code /a}, {@code /a/}, {@code /a/<token>/x}): the same counted 404 as an unknown token,
     * never the shared mapper's, which would echo the path (and a token in it) without this resource's headers.
     */
    @GET
    @Path("/{token}/{rest: .+}")
    @Operation(hidden = true)
    public Response elsewhere(
            @PathParam("token") String token,
            @PathParam("rest") String rest,
            @Context HttpHeaders headers,
            @Context HttpServerRequest request) {
        // A path with a slash is no token: it is hashed and looked up like one, and opens nothing.
        return answer(token + "/" + rest, headers, request, open -> {
            throw new IllegalStateException("A path with a slash opened a page");
        });
    }

    @GET
    @Operation(hidden = true)
    public Response noToken(@Context HttpHeaders headers, @Context HttpServerRequest request) {
        return answer("", headers, request, open -> {
            throw new IllegalStateException("No token opened a page");
        });
    }

    /** Counts the request, opens the token, and answers with {@code shown} or the notice that replaces it. */
    private Response answer(
            String token, HttpHeaders headers, HttpServerRequest request, Function<Open, Response> shown) {
        List<Locale> languages = languages(headers);
        try {
            Optional<Duration> wait = limit.count(address(request));
            if (wait.isPresent()) {
                long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
                return Response.fromResponse(notice(pages.notice(Kind.TOO_MANY, languages)))
                        .header("Retry-After", Long.toString(seconds))
                        .build();
            }
            OpenedPage opened = pages.open(token, languages);
            if (opened instanceof Open open) {
                return shown.apply(open);
            }
            return notice((Closed) opened);
        } catch (RuntimeException e) {
            // Not the shared mapper: it names the request's path, and this path holds the client's token.
            Log.errorf(RedactedFailure.of(e), "A client's aftercare page failed");
            return notice(pages.notice(Kind.FAILED, languages));
        }
    }

    private Response notice(Closed closed) {
        NoticeView notice = closed.notice();
        return html(
                notice.kind().status,
                PageTemplates.notice(notice, style.css()).setLocale(Locale.forLanguageTag(notice.language())));
    }

    private Response html(int status, TemplateInstance page) {
        return secured(Response.status(status).type(HTML).entity(page.render())).build();
    }

    /** What every answer under /a carries: the token in its URL goes nowhere else, and nothing runs in the page. */
    private Response.ResponseBuilder secured(Response.ResponseBuilder response) {
        return response.header("Cache-Control", "no-store")
                .header("Referrer-Policy", "no-referrer")
                .header("X-Robots-Tag", "noindex")
                .header("Content-Security-Policy", style.contentSecurityPolicy())
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }

    /** The reader's languages; none when the header does not parse, which must not fail (or log) the request. */
    private static List<Locale> languages(HttpHeaders headers) {
        try {
            return headers.getAcceptableLanguages();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    private static String address(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        if (remote == null) {
            return "unknown";
        }
        return remote.hostAddress() != null ? remote.hostAddress() : remote.toString();
    }
}
