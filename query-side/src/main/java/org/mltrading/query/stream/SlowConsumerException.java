package org.mltrading.query.stream;

/**
 * A subscriber of a durable stream fell further behind than its buffer holds. Durable streams never
 * drop a change to catch up, so the connection is closed with 1013 (Try Again Later); the client
 * reconnects and resumes with the last cursor it processed.
 */
public final class SlowConsumerException extends RuntimeException {

    public static final int CLOSE_CODE = 1013;

    public SlowConsumerException(String stream, int buffered) {
        super("more than " + buffered + " " + stream + " changes waiting for this connection: it does not read fast "
                + "enough; reconnect and resume with the last cursor you processed", null, false, false);
    }
}
