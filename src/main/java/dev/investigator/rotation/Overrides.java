package dev.investigator.rotation;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** Every run-time change in force, oldest first within each kind (the order matters: later ones win). */
public record Overrides(List<Swap> swaps, List<Replacement> replacements, List<HandOff> handOffs) {

    private static final Overrides NONE = new Overrides(List.of(), List.of(), List.of());

    public Overrides {
        swaps = List.copyOf(swaps);
        replacements = List.copyOf(replacements);
        handOffs = List.copyOf(handOffs);
    }

    public static Overrides none() {
        return NONE;
    }

    /** The most recent hand-off of {@code day}, which decides who holds it. */
    public Optional<HandOff> lastHandOff(LocalDate day) {
        for (int i = handOffs.size() - 1; i >= 0; i--) {
            if (handOffs.get(i).day().equals(day)) {
                return Optional.of(handOffs.get(i));
            }
        }
        return Optional.empty();
    }

    public List<HandOff> handOffs(LocalDate day) {
        return handOffs.stream().filter(h -> h.day().equals(day)).toList();
    }
}
