package io.aftercare.config;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

@OpenAPIDefinition(
        info =
                @Info(
                        title = "Aftercare",
                        version = "1",
                        description =
                                "Day-by-day SMS aftercare instructions for scalp micropigmentation clinics. Errors are"
                                        + " RFC 9457 problem details (application/problem+json).",
                        license = @License(name = "Apache-2.0")))
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
