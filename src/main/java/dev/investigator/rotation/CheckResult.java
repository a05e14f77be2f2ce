package dev.investigator.rotation;

import java.util.Objects;

/**
 * The outcome of a "Checked" press.
 *
 * @param recorded false when the day had already been checked: the first check stands and is returned
 * @param check the check that stands
 */
public record CheckResult(boolean recorded, Check check, CheckDay day) {

    public CheckResult {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(day, "day");
    }
}
