package org.mltrading.ui.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An account the user may see, as offered in the account selector. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record AccountOption(String id, String name, String currency) {

    /** What the selector shows: "Demo account (demo-account, USD)". */
    public String label() {
        return (name == null || name.isBlank() ? id : name + " (" + id + ")")
                + (currency == null ? "" : ", " + currency);
    }
}
