package org.mltrading.query.news;

/** News could not be scored or stored now (nothing of the batch was stored unscored); retry later. */
public class NewsUnavailableException extends RuntimeException {

    public NewsUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
