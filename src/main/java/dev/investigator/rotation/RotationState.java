package dev.investigator.rotation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/** Everything the store keeps: one {@link CheckDay} per day, and the swaps and replacements in force. */
public record RotationState(NavigableMap<LocalDate, CheckDay> days, List<Swap> swaps, List<Replacement> replacements) {

    private static final RotationState EMPTY = new RotationState(new TreeMap<>(), List.of(), List.of());

    public RotationState {
        Objects.requireNonNull(days, "days");
        days = Collections.unmodifiableNavigableMap(new TreeMap<>(days));
        swaps = List.copyOf(swaps);
        replacements = List.copyOf(replacements);
    }

    public static RotationState empty() {
        return EMPTY;
    }

    public Optional<CheckDay> day(LocalDate day) {
        return Optional.ofNullable(days.get(day));
    }

    /** All changes in force; hand-offs come from the days they belong to. */
    public Overrides overrides() {
        List<HandOff> handOffs = new ArrayList<>();
        days.values().forEach(d -> handOffs.addAll(d.handOffs()));
        handOffs.sort(java.util.Comparator.comparing(HandOff::at));
        return new Overrides(swaps, replacements, handOffs);
    }

    /** The latest prompt posted on a day before {@code day}. */
    public Optional<PromptRef> lastPromptBefore(LocalDate day) {
        for (CheckDay d : days.headMap(day, false).descendingMap().values()) {
            if (d.prompt().isPresent()) {
                return d.prompt();
            }
        }
        return Optional.empty();
    }

    RotationState with(CheckDay day) {
        NavigableMap<LocalDate, CheckDay> all = new TreeMap<>(days);
        all.put(day.day(), day);
        return new RotationState(all, swaps, replacements);
    }

    RotationState with(Swap swap) {
        List<Swap> all = new ArrayList<>(swaps);
        all.add(swap);
        return new RotationState(days, all, replacements);
    }

    RotationState with(Replacement replacement) {
        List<Replacement> all = new ArrayList<>(replacements);
        all.add(replacement);
        return new RotationState(days, swaps, all);
    }

    /** Drops days, swaps and replacements that lie wholly before {@code cutoff}. */
    RotationState prunedBefore(LocalDate cutoff) {
        return new RotationState(
                new TreeMap<>(days.tailMap(cutoff, true)),
                swaps.stream().filter(s -> !s.first().isBefore(cutoff) || !s.second().isBefore(cutoff)).toList(),
                replacements.stream().filter(r -> !r.to().isBefore(cutoff)).toList());
    }
}
