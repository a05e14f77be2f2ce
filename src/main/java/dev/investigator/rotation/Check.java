package dev.investigator.rotation;

import java.time.Instant;
import java.util.Objects;

/** Who pressed "Checked", and when. Anyone may check a day, not only its owner. */
public record Check(String by, Instant at) {

    public Check {
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(at, "at");
    }
}
