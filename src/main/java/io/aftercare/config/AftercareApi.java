package io.aftercare.config;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@OpenAPIDefinition(
        info =
                @Info(
                        title = "Aftercare",
                        version = "1",
                        description =
                                "Day-by-day SMS aftercare instructions for scalp micropigmentation clinics. Errors are"
                                        + " RFC 9457 problem details (application/problem+json).",
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        tags = {
            @Tag(name = "Sessions", description = "Post a client's session; its texts follow the clinic's plan"),
            @Tag(name = "Clients", description = "A client's texts, replies and erasure"),
            @Tag(name = "Replies", description = "What clients answered, triaged"),
            @Tag(name = "Clinic", description = "The calling clinic: settings, wording, keys, staff, plan lint"),
            @Tag(name = "Webhooks", description = "Endpoints the service notifies of what happened to texts"),
            @Tag(name = "Admin", description = "The operator's API (aftercare.admin.api-key)"),
            @Tag(name = "Client pages", description = "The aftercare page a client's texts link to; no key"),
            @Tag(name = "Twilio webhooks", description = "Twilio's callbacks, signed by Twilio; no key")
        })
@SecuritySchemes({
    @SecurityScheme(
            securitySchemeName = "clinicKey",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "A clinic's API key"),
    @SecurityScheme(
            securitySchemeName = "adminKey",
            type = SecuritySchemeType.HTTP,
            scheme = "bearer",
            description = "The operator's admin key (aftercare.admin.api-key)")
})
public class AftercareApi extends Application {}
