package org.mltrading.api.common;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.regex.Pattern;

/** Identity of a trading account, e.g. {@code demo-account}: lower-case letters, digits and dashes. */
public record AccountId(String value) {

    private static final Pattern FORMAT = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public AccountId {
        if (value == null || !FORMAT.matcher(value).matches()) {
            throw new IllegalArgumentException("account id must match " + FORMAT + ": " + value);
        }
    }

    @JsonCreator
    public static AccountId of(String raw) {
        return new AccountId(raw);
    }

    @JsonValue
    @Override
    public String toString() {
        return value;
    }
}
