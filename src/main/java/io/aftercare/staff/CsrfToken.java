package io.aftercare.staff;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The current page's CSRF token for its forms, in templates as
 * {@code <input type="hidden" name="{inject:csrf.parameterName}" value="{inject:csrf.token}">} (see {@link PageCsrf}).
 */
@RequestScoped
@Named("csrf")
public class CsrfToken {

    private final RoutingContext routing;

    CsrfToken(RoutingContext routing) {
        this.routing = routing;
    }

    public String getToken() {
        String token = routing.get(PageCsrf.TOKEN_KEY);
        if (token == null) {
            throw new IllegalStateException("Only pages under /app get a CSRF token");
        }
        return token;
    }

    public String getParameterName() {
        return PageCsrf.FIELD;
    }
}
