package org.mltrading.auth.token;

/**
 * What tells the platform's access tokens apart from every other JWT this server signs (ID tokens
 * above all, which the browser holds and which end up in logout URLs and logs).
 */
public final class PlatformTokens {

    /** The audience of every access token, and of no ID token (those name the client that asked). */
    public static final String PLATFORM_AUDIENCE = "platform-api";
    /** Role names without {@code ROLE_}; only in access tokens (see ADR 0008). */
    public static final String ROLES_CLAIM = "roles";
    /** RFC 9068: the client the access token was issued to; equals {@code sub} for a machine client. */
    public static final String CLIENT_ID_CLAIM = "client_id";
    /** How the user logged in ({@code pwd}, {@code otp}); users' tokens only, never a machine client's. */
    public static final String AMR_CLAIM = "amr";

    private PlatformTokens() {}
}
