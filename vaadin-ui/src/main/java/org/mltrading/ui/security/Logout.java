package org.mltrading.ui.security;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinServletRequest;
import org.springframework.security.web.csrf.CsrfToken;

/**
 * "Log out" as a top-level form POST to Spring Security's {@code /logout}, not through Vaadin's
 * {@code AuthenticationContext.logout()}.
 *
 * <p>Why: with push on a WebSocket, Vaadin's logout switches the transport and finishes in a later
 * request; it invalidates the session there and the page often reloaded as "session expired"
 * before the queued navigation to the auth server ran — the browser then signed straight back in
 * through the auth server's still-open session (seen in the browser test). A real form POST is an
 * ordinary request: the logout handlers end the UI session and the OIDC success handler answers a
 * plain 302 to the auth server's end-session endpoint, which the browser follows as a top-level
 * navigation (no XHR, so no CORS), and the auth server ends its session and sends the browser back.
 */
public final class Logout {

    /** The page's base is the application root, so this resolves to {@code <context>/logout}. */
    static final String LOGOUT_PATH = "logout";

    static final String SUBMIT_FORM = "const f = document.createElement('form'); f.method = 'POST'; f.action = $0;"
            + " if ($1) { const i = document.createElement('input'); i.type = 'hidden'; i.name = $1; i.value = $2;"
            + " f.appendChild(i); } document.body.appendChild(f); f.submit();";

    private Logout() {
    }

    public static void submit(UI ui) {
        CsrfToken csrf = currentCsrfToken();
        ui.getPage().executeJs(SUBMIT_FORM, LOGOUT_PATH, csrf == null ? "" : csrf.getParameterName(),
                csrf == null ? "" : csrf.getToken());
    }

    private static CsrfToken currentCsrfToken() {
        VaadinServletRequest request = VaadinServletRequest.getCurrent();
        if (request == null) {
            return null;
        }
        Object token = request.getHttpServletRequest().getAttribute(CsrfToken.class.getName());
        return token instanceof CsrfToken csrf ? csrf : null;
    }
}
