package dev.investigator.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * An honest hole in the report: which source, why, and a short technical detail that is safe to show
 * (never a secret, never a raw response body).
 */
public record Gap(SourceKind source, GapReason reason, OptionalInt httpStatus, String detail) {

    public Gap {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(httpStatus, "httpStatus");
        detail = detail == null ? "" : detail;
    }

    public static Gap of(SourceKind source, GapReason reason, String detail) {
        return new Gap(source, reason, OptionalInt.empty(), detail);
    }

    public static Gap http(SourceKind source, GapReason reason, int status, String detail) {
        return new Gap(source, reason, OptionalInt.of(status), detail);
    }

    public Optional<String> detailIfAny() {
        return detail.isBlank() ? Optional.empty() : Optional.of(detail);
    }
}
