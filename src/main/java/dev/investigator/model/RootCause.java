package dev.investigator.model;

import java.util.Objects;

/**
 * A service that X-Ray names as the root cause of faulty/erroneous traces.
 *
 * @param share fraction (0..1) of the window's faulty traces that name this root cause
 */
public record RootCause(String service, String exception, long traces, double share) {
    public RootCause {
        Objects.requireNonNull(service, "service");
        exception = exception == null ? "" : exception;
    }
}
