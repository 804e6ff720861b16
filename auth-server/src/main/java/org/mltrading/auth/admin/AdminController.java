package org.mltrading.auth.admin;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.mltrading.auth.audit.AccessAuditLog;
import org.mltrading.auth.client.ClientRoles;
import org.mltrading.auth.signing.SigningKeys;
import org.mltrading.auth.token.PlatformTokens;
import org.mltrading.auth.user.PlatformUser;
import org.mltrading.auth.user.PlatformUserStore;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Identity administration (role ADMIN, bearer token): integrator clients, their scopes and secrets,
 * users, signing-key rotation. The platform's GraphQL admin mutations call this API with the
 * administrator's own token; every change is recorded in the access audit.
 */
@RestController
@RequestMapping("/admin")
class AdminController {

    static final Set<String> GRANTABLE_SCOPES = Set.of("read", "trade", "risk", "audit");
    static final Set<String> ROLES = Set.of("TRADER", "RISK_OFFICER", "COMPLIANCE", "ADMIN", "INTEGRATOR");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{2,63}");

    private final RegisteredClientRepository clients;
    private final PlatformUserStore users;
    private final PasswordEncoder encoder;
    private final SigningKeys signingKeys;
    private final JdbcTemplate jdbc;
    private final AccessAuditLog audit;
    private final SecureRandom random = new SecureRandom();

    AdminController(RegisteredClientRepository clients, PlatformUserStore users, PasswordEncoder encoder,
            SigningKeys signingKeys, JdbcTemplate authStoreJdbc, AccessAuditLog audit) {
        this.clients = clients;
        this.users = users;
        this.encoder = encoder;
        this.signingKeys = signingKeys;
        this.jdbc = authStoreJdbc;
        this.audit = audit;
    }

    record NewClient(String clientId, List<String> scopes) {}

    record Scopes(List<String> scopes) {}

    record ClientView(String clientId, List<String> scopes, List<String> roles, String clientSecret) {}

    record NewUser(String username, String password, List<String> roles) {}

    record UserView(String username, List<String> roles, boolean enabled, boolean mfaEnrolled, Instant lockedUntil) {}

    record KeyView(String activeKeyId, List<String> publishedKeyIds) {}

    /** A rejected admin request: {@code code} is one of the platform's error codes. */
    static final class AdminException extends RuntimeException {
        final HttpStatus status;
        final String code;

        AdminException(HttpStatus status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    @PostMapping("/clients")
    ResponseEntity<ClientView> createClient(@RequestBody NewClient request, Authentication admin) {
        String clientId = validId(request == null ? null : request.clientId(), "clientId");
        if (clientId.equalsIgnoreCase(PlatformTokens.PLATFORM_AUDIENCE)) {
            // its ID tokens would carry the platform's audience
            throw new AdminException(HttpStatus.BAD_REQUEST, "VALIDATION_INVALID_ID", clientId + " is reserved");
        }
        if (clients.findByClientId(clientId) != null) {
            throw new AdminException(HttpStatus.CONFLICT, "VALIDATION_DUPLICATE", "client " + clientId + " already exists");
        }
        if (users.find(clientId).isPresent()) {
            // one name space: a token's sub must name one principal (entitlements, audit, ownership go by it)
            throw new AdminException(HttpStatus.CONFLICT, "VALIDATION_DUPLICATE", "a user is named " + clientId);
        }
        Set<String> scopes = validScopes(request.scopes());
        String secret = newSecret();
        RegisteredClient client = RegisteredClient.withId(clientId)
                .clientId(clientId)
                .clientIdIssuedAt(Instant.now())
                .clientSecret(encoder.encode(secret))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scopes(s -> s.addAll(scopes))
                .clientSettings(ClientSettings.builder()
                        .setting(ClientRoles.SETTING, new ArrayList<>(List.of("INTEGRATOR")))
                        .setting(ClientRoles.SECRET_ROTATED_AT, Instant.now().toString())
                        .build())
                .tokenSettings(TokenSettings.builder().build())
                .build();
        clients.save(client);
        audit.record("ADMIN_CLIENT_CREATED", "SUCCESS", admin.getName(), clientId, null, "scopes=" + scopes);
        return ResponseEntity.status(HttpStatus.CREATED).body(view(client, secret));
    }

    @GetMapping("/clients/{clientId}")
    ClientView client(@PathVariable String clientId) {
        return view(existingClient(clientId), null);
    }

    @PutMapping("/clients/{clientId}/scopes")
    ClientView grantScopes(@PathVariable String clientId, @RequestBody Scopes request, Authentication admin) {
        RegisteredClient client = existingClient(clientId);
        Set<String> scopes = validScopes(request == null ? null : request.scopes());
        RegisteredClient changed = RegisteredClient.from(client).scopes(s -> {
            s.clear();
            s.addAll(scopes);
        }).build();
        clients.save(changed);
        audit.record("ADMIN_CLIENT_SCOPES_SET", "SUCCESS", admin.getName(), clientId, null, "scopes=" + scopes);
        return view(changed, null);
    }

    @PostMapping("/clients/{clientId}/secret")
    ClientView rotateSecret(@PathVariable String clientId, Authentication admin) {
        RegisteredClient client = existingClient(clientId);
        if (!client.getAuthorizationGrantTypes().contains(AuthorizationGrantType.CLIENT_CREDENTIALS)) {
            throw new AdminException(HttpStatus.BAD_REQUEST, "VALIDATION_NOT_AN_INTEGRATOR",
                    clientId + " is not a client-credentials client");
        }
        String secret = newSecret();
        RegisteredClient changed = RegisteredClient.from(client)
                .clientSecret(encoder.encode(secret))
                .clientSettings(ClientSettings.withSettings(client.getClientSettings().getSettings())
                        .setting(ClientRoles.SECRET_ROTATED_AT, Instant.now().toString()).build())
                .build();
        clients.save(changed);
        audit.record("ADMIN_CLIENT_SECRET_ROTATED", "SUCCESS", admin.getName(), clientId, null, null);
        return view(changed, secret);
    }

    @GetMapping("/users")
    List<UserView> users() {
        return users.all().stream().map(AdminController::view).toList();
    }

    @PostMapping("/users")
    ResponseEntity<UserView> createUser(@RequestBody NewUser request, Authentication admin) {
        String username = validId(request == null ? null : request.username(), "username");
        if (request.password() == null || request.password().length() < 12) {
            throw new AdminException(HttpStatus.BAD_REQUEST, "VALIDATION_WEAK_PASSWORD",
                    "password must have at least 12 characters");
        }
        if (request.roles() == null || request.roles().isEmpty() || !ROLES.containsAll(request.roles())
                || request.roles().contains("INTEGRATOR")) {
            throw new AdminException(HttpStatus.BAD_REQUEST, "VALIDATION_INVALID_ROLE",
                    "roles must be some of TRADER, RISK_OFFICER, COMPLIANCE, ADMIN");
        }
        if (clients.findByClientId(username) != null) {
            // one name space with the clients (issue 14, finding 11)
            throw new AdminException(HttpStatus.CONFLICT, "VALIDATION_DUPLICATE", "a client is named " + username);
        }
        if (!users.insertIfAbsent(username, encoder.encode(request.password()), List.copyOf(new LinkedHashSet<>(request.roles())), null)) {
            throw new AdminException(HttpStatus.CONFLICT, "VALIDATION_DUPLICATE", "user " + username + " already exists");
        }
        audit.record("ADMIN_USER_CREATED", "SUCCESS", admin.getName(), null, null, username + " roles=" + request.roles());
        return ResponseEntity.status(HttpStatus.CREATED).body(view(users.find(username).orElseThrow()));
    }

    @PutMapping("/users/{username}/enabled")
    UserView setEnabled(@PathVariable String username, @RequestBody Map<String, Boolean> request, Authentication admin) {
        Boolean enabled = request == null ? null : request.get("enabled");
        if (enabled == null) {
            throw new AdminException(HttpStatus.BAD_REQUEST, "VALIDATION_MISSING_FIELD", "enabled is required");
        }
        if (!users.setEnabled(username, enabled)) {
            throw new AdminException(HttpStatus.NOT_FOUND, "NOT_FOUND", "no user " + username);
        }
        if (!enabled) {
            // refresh tokens and codes die with the user's authorizations; access tokens live out their minutes
            jdbc.update("DELETE FROM oauth2_authorization WHERE principal_name = ?", username);
        }
        audit.record(enabled ? "ADMIN_USER_ENABLED" : "ADMIN_USER_DISABLED", "SUCCESS", admin.getName(), null, null, username);
        return view(users.find(username).orElseThrow());
    }

    @GetMapping("/signing-keys")
    KeyView signingKeys() {
        return new KeyView(signingKeys.activeKeyId(), signingKeys.keyIds());
    }

    @PostMapping("/signing-keys/rotate")
    KeyView rotateSigningKey(Authentication admin) {
        String kid = signingKeys.rotate();
        audit.record("ADMIN_SIGNING_KEY_ROTATED", "SUCCESS", admin.getName(), null, null, "new kid " + kid);
        return signingKeys();
    }

    @ExceptionHandler(AdminException.class)
    ResponseEntity<Map<String, String>> rejected(AdminException e) {
        return ResponseEntity.status(e.status).body(Map.of("code", e.code, "message", e.getMessage()));
    }

    @ExceptionHandler(org.springframework.http.converter.HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable() {
        return ResponseEntity.badRequest().body(Map.of("code", "VALIDATION_INVALID_INPUT", "message", "the body is not valid JSON for this operation"));
    }

    private RegisteredClient existingClient(String clientId) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw new AdminException(HttpStatus.NOT_FOUND, "NOT_FOUND", "no client " + clientId);
        }
        return client;
    }

    private static String validId(String value, String field) {
        if (value == null || !ID.matcher(value).matches()) {
            throw new AdminException(HttpStatus.BAD_REQUEST, "VALIDATION_INVALID_ID",
                    field + " must be 3-64 letters, digits, '.', '_' or '-'");
        }
        return value;
    }

    private static Set<String> validScopes(List<String> scopes) {
        if (scopes == null || scopes.isEmpty() || !GRANTABLE_SCOPES.containsAll(scopes)) {
            throw new AdminException(HttpStatus.BAD_REQUEST, "VALIDATION_INVALID_SCOPE",
                    "scopes must be some of " + new java.util.TreeSet<>(GRANTABLE_SCOPES));
        }
        return new LinkedHashSet<>(scopes);
    }

    private String newSecret() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ClientView view(RegisteredClient client, String secret) {
        return new ClientView(client.getClientId(), client.getScopes().stream().sorted().toList(),
                ClientRoles.of(client), secret);
    }

    private static UserView view(PlatformUser user) {
        return new UserView(user.username(), user.roles(), user.enabled(), user.enrolled(), user.lockedUntil());
    }
}
