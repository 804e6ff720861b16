package org.mltrading.api.alert;

public enum AlertErrorCode {
    ALERT_INVALID_INPUT, ALERT_KIND_NOT_SUPPORTED, ALERT_NOT_FOUND, ALERT_DELETED
}
