package org.mltrading.auth.login;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.mltrading.auth.audit.AccessAuditLog;
import org.mltrading.auth.user.PlatformUserStore;
import org.mltrading.auth.user.UserProperties;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
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
 * context is emptied again and the user goes on to the second factor; wrong passwords count towards
 * a lockout. Both are recorded in the access audit.
 */
@Component
public class LoginHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    private final PlatformUserStore users;
    private final UserProperties policy;
    private final AccessAuditLog audit;
    private final Clock clock;
    private final HttpSessionSecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

    public LoginHandlers(PlatformUserStore users, UserProperties policy, AccessAuditLog audit, Clock authClock) {
        this.users = users;
        this.policy = policy;
        this.audit = audit;
        this.clock = authClock;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        String username = authentication.getName();
        users.resetFailedLogins(username);
        SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();
        var empty = holder.createEmptyContext();
        holder.setContext(empty);
        contexts.saveContext(empty, request, response); // removes the context the form login just saved
        request.getSession().setAttribute(PendingSecondFactor.SESSION_ATTRIBUTE,
                new PendingSecondFactor(username, clock.instant(), null));
        audit.record("LOGIN_PASSWORD_ACCEPTED", "SUCCESS", username, null, request.getRemoteAddr(),
                "second factor pending");
        response.sendRedirect(request.getContextPath() + "/mfa");
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        String remote = request.getRemoteAddr();
        if (exception instanceof LockedException) {
            audit.record("LOGIN_FAILED", "DENIED", username, null, remote, "user locked");
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        if (exception instanceof DisabledException) {
            audit.record("LOGIN_FAILED", "DENIED", username, null, remote, "user disabled");
            response.sendRedirect(request.getContextPath() + "/login?error");
            return;
        }
        audit.record("LOGIN_FAILED", "FAILURE", username, null, remote, "wrong user name or password");
        if (username != null && users.find(username).isPresent()) {
            int failures = users.recordFailedLogin(username, policy.maxFailures(), policy.lockout(), clock);
            if (failures >= policy.maxFailures()) {
                audit.record("USER_LOCKED", "DENIED", username, null, remote,
                        failures + " wrong passwords; locked for " + policy.lockout());
            }
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }
}
