package dev.investigator.digest;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One vital of one service over the check period against its two baselines.
 *
 * @param current         the value over the check period (empty: no data)
 * @param sameDayLastWeek the value over the same period one week earlier
 * @param median7d        the median of the values over the same period on each of the 7 previous days
 */
public record VitalReading(Vital vital, OptionalDouble current, OptionalDouble sameDayLastWeek, OptionalDouble median7d) {
    public VitalReading {
        Objects.requireNonNull(vital, "vital");
        Objects.requireNonNull(current, "current");
        Objects.requireNonNull(sameDayLastWeek, "sameDayLastWeek");
        Objects.requireNonNull(median7d, "median7d");
    }
}
