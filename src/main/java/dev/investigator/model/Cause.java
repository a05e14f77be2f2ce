package dev.investigator.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The most likely cause, in the shape root cause → first symptom → impact, with every finding that supports it.
 */
public record Cause(CauseKind kind, Finding rootCause, Optional<Finding> firstSymptom, Optional<Finding> impact, List<Finding> support) {
    public Cause {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(rootCause, "rootCause");
        Objects.requireNonNull(firstSymptom, "firstSymptom");
        Objects.requireNonNull(impact, "impact");
        support = List.copyOf(support);
    }
}
