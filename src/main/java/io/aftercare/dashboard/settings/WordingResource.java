package io.aftercare.dashboard.settings;

import io.aftercare.dashboard.DashboardScope;
import io.aftercare.dashboard.PageNotFound;
import io.aftercare.plan.MessageContext;
import io.aftercare.plan.lint.LintFinding;
import io.aftercare.problem.ProblemException;
import io.aftercare.staff.StaffRole;
import io.aftercare.template.ClinicPlanLinter;
import io.aftercare.template.TemplateTrial;
import io.aftercare.template.TemplateView;
import io.aftercare.template.Templates;
import io.aftercare.template.TextFit;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Settings › Wording: each step's text per language, and an editor whose preview gives the verdict saving enforces.
 * Clinic text is only ever rendered by the template sandbox ({@link Templates#tryOut}), never here.
 */
// Over 150 lines: the wording list, editor, live preview, save and reset share one verdict (Templates.tryOut) and the
// editor's re-rendering.
@Path("/app/settings/wording")
@RolesAllowed({StaffRole.STAFF_ROLE, StaffRole.OPERATOR_ROLE})
@Produces(MediaType.TEXT_HTML)
class WordingResource {

    private static final String VALUES = MessageContext.VALUE_NAMES.stream()
            .sorted()
            .map(name -> "{" + name + "}")
            .collect(Collectors.joining(", "));

    private static final String CHOICE = "{#if value}…{#else}…{/if}";

    private final DashboardScope scope;
    private final Templates templates;
    private final ClinicPlanLinter linter;

    WordingResource(DashboardScope scope, Templates templates, ClinicPlanLinter linter) {
        this.scope = scope;
        this.templates = templates;
        this.linter = linter;
    }

    /** One step's text in one language, as the list shows it. */
    public record Row(TemplateView text, String editPath) {}

    /** The editor: the text in the box, and its preview. */
    public record Editor(String step, String language, String template, boolean overridden, WordingPreview preview) {

        public String path() {
            return pathOf(step, language);
        }
    }

    @CheckedTemplate(basePath = "dashboard/settings")
    static final class Pages {

        private Pages() {}

        static native TemplateInstance wording(
                List<Row> rows, List<LintFinding> findings, boolean editable, boolean reset, int maxSegments);

        static native TemplateInstance wordingEdit(
                Editor editor, String values, String choice, boolean saved, boolean refused);

        static native TemplateInstance wordingEdit$preview(WordingPreview preview, boolean refused);
    }

    @GET
    @Operation(hidden = true)
    public Response list(@QueryParam("done") String done) {
        SettingsPages.requireReader(scope);
        List<Row> rows = templates.list(scope.clinicId()).stream()
                .map(text -> new Row(text, pathOf(text.step(), text.language())))
                .toList();
        List<LintFinding> findings = linter.lintInForce(scope.clinicId()).findings();
        return SettingsPages.ok(
                scope, Pages.wording(rows, findings, scope.isManager(), "reset".equals(done), TextFit.MAX_SEGMENTS));
    }

    @GET
    @Path("{step}/{language}")
    @Operation(hidden = true)
    public Response edit(
            @PathParam("step") String step, @PathParam("language") String language, @QueryParam("done") String done) {
        scope.requireManager();
        TemplateView current = current(step, language);
        return editor(200, current, current.template(), "saved".equals(done), false);
    }

    /**
     * The live preview (an HTML fragment for {@code live.js}), or, from the editor's Preview button without
     * JavaScript, the whole editor with it.
     */
    @POST
    @Path("{step}/{language}/preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response preview(
            @PathParam("step") String step,
            @PathParam("language") String language,
            @FormParam("template") String template,
            @FormParam("preview") String previewButton) {
        scope.requireManager();
        TemplateView current = current(step, language);
        if (previewButton != null) {
            return editor(200, current, template, false, false);
        }
        return SettingsPages.ok(scope, Pages.wordingEdit$preview(preview(step, language, template), false));
    }

    @POST
    @Path("{step}/{language}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(
            @PathParam("step") String step,
            @PathParam("language") String language,
            @FormParam("template") String template) {
        scope.requireManager();
        TemplateView current = current(step, language);
        try {
            templates.put(scope.clinicId(), step, language, template);
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw new PageNotFound();
            }
            // Refused: shown again with the text as typed and the very reasons the refusal gave.
            return editor(422, current, template, false, true);
        }
        return SettingsPages.seeOther(pathOf(step, language) + "?done=saved");
    }

    @POST
    @Path("{step}/{language}/reset")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response reset(@PathParam("step") String step, @PathParam("language") String language) {
        scope.requireManager();
        if (current(step, language).overridden()) {
            templates.reset(scope.clinicId(), step, language);
        }
        return SettingsPages.seeOther("/app/settings/wording?done=reset");
    }

    private Response editor(int status, TemplateView current, String template, boolean saved, boolean refused) {
        String text = template == null ? "" : template;
        Editor editor = new Editor(
                current.step(),
                current.language(),
                text,
                current.overridden(),
                preview(current.step(), current.language(), text));
        return SettingsPages.html(scope, status, Pages.wordingEdit(editor, VALUES, CHOICE, saved, refused));
    }

    private WordingPreview preview(String step, String language, String template) {
        TemplateTrial trial = templates.tryOut(scope.clinicId(), step, language, template);
        List<LintFinding> notes = linter.lintInForce(scope.clinicId()).findings().stream()
                .filter(finding -> finding.step().equals(step)
                        && (finding.language() == null || Objects.equals(finding.language(), language)))
                .toList();
        return WordingPreview.of(trial, notes);
    }

    /** The editor of a step's text in a language: plan keys, checked against the plan before any use. */
    static String pathOf(String step, String language) {
        return "/app/settings/wording/" + step + "/" + language;
    }

    /** The step's text now; an unknown step or language is the dashboard's 404. */
    private TemplateView current(String step, String language) {
        try {
            return templates.get(scope.clinicId(), step, language);
        } catch (ProblemException e) {
            if (e.problem().status() == 404) {
                throw new PageNotFound();
            }
            throw e;
        }
    }
}
