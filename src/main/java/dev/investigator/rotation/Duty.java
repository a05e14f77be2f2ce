package dev.investigator.rotation;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who holds a working day, and who the plain round robin had put there (they differ after a hand-off, swap or
 * replacement), for {@code /investigate rotation}.
 */
public record Duty(LocalDate day, String owner, String rosterOwner) {

    public Duty {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(rosterOwner, "rosterOwner");
    }

    public boolean changed() {
        return !owner.equals(rosterOwner);
    }
}
