package dev.investigator.model;

import java.util.Objects;

/**
 * One metric of a service, already resolved from the catalog template.
 *
 * @param id      a name usable as a Datadog query name and in formulas: {@code [a-z][a-z0-9_]*}
 * @param query   a Datadog metric query, or empty when {@code formula} is set
 * @param formula an expression over other metric ids (for example {@code 100 * errors / requests}), or empty
 */
public record MetricQuery(String id, String label, MetricRole role, MetricUnit unit, String query, String formula) {

    public MetricQuery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(unit, "unit");
        label = label == null || label.isBlank() ? id : label;
        query = query == null ? "" : query;
        formula = formula == null ? "" : formula;
        if (query.isEmpty() == formula.isEmpty()) {
            throw new IllegalArgumentException("metric " + id + " needs exactly one of query or formula");
        }
    }

    public boolean isFormula() {
        return !formula.isEmpty();
    }
}
