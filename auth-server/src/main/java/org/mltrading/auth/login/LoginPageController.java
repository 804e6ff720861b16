package org.mltrading.auth.login;

import jakarta.servlet.http.HttpServletRequest;
import org.mltrading.auth.web.Pages;
import org.springframework.http.MediaType;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/** The password step of the login; the second factor follows at {@code /mfa}. */
@Controller
class LoginPageController {

    @GetMapping(value = "/login", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String login(HttpServletRequest request) {
        String message = null;
        if (request.getParameter("error") != null) {
            message = "Wrong user name or password.";
        } else if (request.getParameter("locked") != null) {
            message = "Too many failed attempts: this user is locked for a while.";
        } else if (request.getParameter("expired") != null) {
            message = "The login took too long. Please sign in again.";
        }
        String body = """
                <h1>Sign in</h1>%s
                <form method="post" action="login">
                  <label for="username">User name</label>
                  <input id="username" name="username" autocomplete="username" required autofocus>
                  <label for="password">Password</label>
                  <input id="password" name="password" type="password" autocomplete="current-password" required>
                  %s
                  <button id="sign-in" type="submit">Sign in</button>
                </form>
                <p class="hint">Next you confirm with the code of your authenticator app.</p>
                """.formatted(Pages.error(message), Pages.csrfField((CsrfToken) request.getAttribute(CsrfToken.class.getName())));
        return Pages.page("Sign in", body);
    }

    @GetMapping(value = "/", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String home() {
        return Pages.page("Signed in", "<h1>You are signed in</h1><p class=\"hint\">Return to the platform to continue.</p>");
    }
}
