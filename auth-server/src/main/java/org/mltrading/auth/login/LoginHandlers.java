package org.mltrading.auth.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.mltrading.auth.audit.AccessAuditLog;
import org.mltrading.auth.user.PlatformUser;
import org.mltrading.auth.user.PlatformUserStore;
import org.mltrading.auth.user.UserProperties;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The outcome of the password step. A right password does NOT log the user in: the security
 * context is emptied again and the user goes on to the second factor. Wrong passwords slow down their
 * source ({@link LoginThrottle}), never lock the user they name (issue 14, finding 5). Unknown, disabled
 * and wrong all answer {@code /login?error} after the same password-hash work (the user details service
 * marks nobody disabled or locked, so the hash is always checked; disabled is decided here, after it).
 * Only a caller who gave the right password learns that the user is locked (by wrong codes). All of it
 * goes to the access audit.
 */
@Component
public class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final PlatformUserStore users;
    private final UserProperties policy;
    private final AccessAuditLog audit;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public LoginHandlers(PlatformUserStore users, UserProperties policy, AccessAuditLog audit, Clock authClock,
            LoginThrottle throttle) {
        this.users = users;
        this.policy = policy;
        this.audit = audit;
        this.clock = authClock;
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        String username = authentication.getName();
        String remote = request.getRemoteAddr();
        PlatformUser user = users.find(username).orElse(null);
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        var empty = holder.createEmptyContext();
        holder.setContext(empty);
        contexts.saveContext(empty, request, response); // removes the context the form login just saved
        if (user == null || !user.enabled()) {
            // answered like a wrong password, after the same work
            throttle.failed(remote);
            audit.record("LOGIN_FAILED", "DENIED", username, null, remote, "user disabled");
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        throttle.succeeded(remote);
        users.resetFailedLogins(username);
        if (user.lockedAt(clock.instant())) {
            // the caller knows the password: telling them the user is locked (by wrong codes) reveals nothing new
            audit.record("LOGIN_FAILED", "DENIED", username, null, remote, "user locked");
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        request.getSession().setAttribute(PendingSecondFactor.SESSION_ATTRIBUTE,
                new PendingSecondFactor(username, clock.instant(), null));
        audit.record("LOGIN_PASSWORD_ACCEPTED", "SUCCESS", username, null, remote,
                "second factor pending");
        response.sendRedirect(request.getContextPath() + "/mfa");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        String remote = request.getRemoteAddr();
        int failures = throttle.failed(remote);
        audit.record("LOGIN_FAILED", "FAILURE", username, null, remote, "wrong user name or password");
        if (failures > policy.maxFailures()) {
            audit.record("LOGIN_THROTTLED", "DENIED", username, null, remote,
                    failures + " wrong passwords from this source; it waits before its next attempt");
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
