-- Users of the auth server (passwords as {id}hash, roles comma-separated without ROLE_).
CREATE TABLE platform_user (
    username varchar(100) NOT NULL,
    password_hash varchar(500) NOT NULL,
    roles varchar(500) NOT NULL,
    enabled boolean NOT NULL,
    -- TOTP secret, AES-GCM encrypted (v1:base64, TotpSecretCipher); null until the user has enrolled
    totp_secret varchar(200) DEFAULT NULL,
    -- the last 30-second step whose code was accepted: a code is never accepted twice
    totp_last_step bigint DEFAULT NULL,
    failed_logins int DEFAULT 0 NOT NULL,
    failed_codes int DEFAULT 0 NOT NULL,
    locked_until timestamp DEFAULT NULL,
    created_at timestamp NOT NULL,
    PRIMARY KEY (username)
);
