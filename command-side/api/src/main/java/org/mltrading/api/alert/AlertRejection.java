package org.mltrading.api.alert;

/** Why an alert command was refused (the details of its CommandExecutionException). */
public record AlertRejection(AlertErrorCode code, String message) {
}
