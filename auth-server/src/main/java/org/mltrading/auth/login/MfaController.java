package org.mltrading.auth.login;

import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;
import org.mltrading.auth.audit.AccessAuditLog;
import org.mltrading.auth.web.Pages;
import org.mltrading.auth.user.PlatformUser;
import org.mltrading.auth.user.PlatformUserStore;
import org.mltrading.auth.user.UserProperties;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.util.HtmlUtils;

/**
 * The second factor: a TOTP code from the user's authenticator app, or — for a user without one —
 * enrolment by QR code and the first code. Only here does the user become logged in, with the
 * {@link PendingSecondFactor#OTP_FACTOR} authority that tokens turn into {@code amr: ["pwd","otp"]}.
 */
@Controller
class MfaController {

    /** Time allowed between the right password and the code. */
    private static final Duration PENDING_TIMEOUT = Duration.ofMinutes(5);
    private static final String ISSUER = "ML Trading Platform";

    private final PlatformUserStore users;
    private final TotpCodes codes;
    private final UserProperties policy;
    private final AccessAuditLog audit;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();
    private final HttpSessionRequestCache savedRequests = new HttpSessionRequestCache();

    MfaController(PlatformUserStore users, TotpCodes codes, UserProperties policy, AccessAuditLog audit,
            Clock authClock) {
        this.users = users;
        this.codes = codes;
        this.policy = policy;
        this.audit = audit;
        this.clock = authClock;
    }

    @GetMapping(value = "/mfa", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String form(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PendingSecondFactor pending = pending(request);
        if (pending == null) {
            response.sendRedirect(request.getContextPath() + "/login");
            return null;
        }
        return page(request, pending, null);
    }

    @PostMapping(value = "/mfa", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String verify(@RequestParam(name = "code", required = false) String code, HttpServletRequest request,
            HttpServletResponse response) throws IOException {
        PendingSecondFactor pending = pending(request);
        if (pending == null) {
            response.sendRedirect(request.getContextPath() + "/login");
            return null;
        }
        String remote = request.getRemoteAddr();
        PlatformUser user = users.find(pending.username()).orElse(null);
        if (user == null || !user.enabled() || user.lockedAt(clock.instant())) {
            request.getSession().removeAttribute(PendingSecondFactor.SESSION_ATTRIBUTE);
            audit.record("MFA_FAILED", "DENIED", pending.username(), null, remote, "user locked or disabled");
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return null;
        }
        String typed = code == null ? "" : code.replaceAll("\\s", "");
        String secret = user.enrolled() ? user.totpSecret() : pending.enrolmentSecret();
        OptionalLong step = codes.matchingStep(secret, typed);
        boolean accepted = step.isPresent() && (user.enrolled()
                ? users.acceptCode(user.username(), step.getAsLong())
                : users.enrol(user.username(), secret, step.getAsLong()));
        if (!accepted) {
            String reason = step.isPresent() ? "code already used" : "wrong code";
            audit.record("MFA_FAILED", "FAILURE", user.username(), null, remote, reason);
            int failures = users.recordFailedCode(user.username(), policy.maxFailures(), policy.lockout(), clock);
            if (failures >= policy.maxFailures()) {
                request.getSession().removeAttribute(PendingSecondFactor.SESSION_ATTRIBUTE);
                audit.record("USER_LOCKED", "DENIED", user.username(), null, remote,
                        failures + " wrong codes; locked for " + policy.lockout());
                response.sendRedirect(request.getContextPath() + "/login?locked");
                return null;
            }
            return page(request, pending, step.isPresent()
                    ? "This code was already used. Wait for the next one."
                    : "Wrong code. Check your authenticator app and try again.");
        }
        logIn(request, response, user);
        audit.record("LOGIN_SUCCEEDED", "SUCCESS", user.username(), null, remote,
                user.enrolled() ? "password + TOTP" : "password + TOTP (factor enrolled)");
        SavedRequest saved = savedRequests.getRequest(request, response);
        savedRequests.removeRequest(request, response);
        response.sendRedirect(saved != null ? saved.getRedirectUrl() : request.getContextPath() + "/");
        return null;
    }

    private void logIn(HttpServletRequest request, HttpServletResponse response, PlatformUser user) {
        List<GrantedAuthority> authorities = new ArrayList<>();
        user.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        authorities.add(new SimpleGrantedAuthority(PendingSecondFactor.OTP_FACTOR));
        // Spring's own User, without the password hash: it is serialised into stored authorizations
        User principal = new User(user.username(), "", authorities);
        var authentication = UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities);
        request.getSession().removeAttribute(PendingSecondFactor.SESSION_ATTRIBUTE);
        request.changeSessionId(); // a new session id for the now privileged session
        var holder = SecurityContextHolder.getContextHolderStrategy();
        var context = holder.createEmptyContext();
        context.setAuthentication(authentication);
        holder.setContext(context);
        contexts.saveContext(context, request, response);
    }

    private PendingSecondFactor pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !(session.getAttribute(PendingSecondFactor.SESSION_ATTRIBUTE) instanceof PendingSecondFactor pending)) {
            return null;
        }
        if (pending.passwordAcceptedAt().plus(PENDING_TIMEOUT).isBefore(clock.instant())) {
            session.removeAttribute(PendingSecondFactor.SESSION_ATTRIBUTE);
            return null;
        }
        return pending;
    }

    private String page(HttpServletRequest request, PendingSecondFactor pending, String error) {
        PlatformUser user = users.find(pending.username()).orElseThrow();
        String enrolment = "";
        if (!user.enrolled()) {
            PendingSecondFactor withSecret = pending.enrolmentSecret() == null
                    ? pending.withEnrolmentSecret(codes.newSecret()) : pending;
            request.getSession().setAttribute(PendingSecondFactor.SESSION_ATTRIBUTE, withSecret);
            enrolment = """
                    <p>Scan this code with your authenticator app, then type the code it shows.</p>
                    <img class="qr" alt="QR code to add this account to an authenticator app" src="%s">
                    <p class="hint">Or enter the key by hand: <code id="secret">%s</code></p>
                    """.formatted(qrDataUri(user.username(), withSecret.enrolmentSecret()),
                    HtmlUtils.htmlEscape(withSecret.enrolmentSecret()));
        }
        String body = """
                <h1>%s</h1>%s%s
                <form method="post" action="mfa">
                  <label for="code">Authentication code</label>
                  <input id="code" name="code" inputmode="numeric" pattern="[0-9 ]*" maxlength="7"
                         autocomplete="one-time-code" required autofocus>
                  %s
                  <button id="verify" type="submit">Verify</button>
                </form>
                <p class="hint">Signed in as %s with the right password. Trading needs this second factor.</p>
                """.formatted(user.enrolled() ? "Two-factor authentication" : "Set up two-factor authentication",
                Pages.error(error), enrolment, Pages.csrfField((CsrfToken) request.getAttribute(CsrfToken.class.getName())),
                HtmlUtils.htmlEscape(user.username()));
        return Pages.page("Two-factor authentication", body);
    }

    private static String qrDataUri(String username, String secret) {
        QrData data = new QrData.Builder().label(username).secret(secret).issuer(ISSUER)
                .algorithm(dev.samstevens.totp.code.HashingAlgorithm.SHA1).digits(6).period(30).build();
        try {
            ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
            return "data:" + generator.getImageMimeType() + ";base64,"
                    + Base64.getEncoder().encodeToString(generator.generate(data));
        } catch (QrGenerationException e) {
            throw new IllegalStateException("cannot draw the enrolment QR code", e);
        }
    }
}
