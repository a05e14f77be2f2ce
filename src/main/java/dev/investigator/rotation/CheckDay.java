package dev.investigator.rotation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened to one day's check: who held it when last recorded, the prompt, who checked it, its hand-offs
 * (oldest first), and when the reminder and the escalation went out.
 *
 * @param owner the holder when the prompt was posted or the day last handed off; empty when nobody held it
 */
public record CheckDay(
        LocalDate day,
        String owner,
        Optional<PromptRef> prompt,
        Optional<Check> checked,
        List<HandOff> handOffs,
        Optional<Instant> remindedAt,
        Optional<Instant> escalatedAt) {

    public CheckDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(prompt, "prompt");
        Objects.requireNonNull(checked, "checked");
        handOffs = List.copyOf(handOffs);
        Objects.requireNonNull(remindedAt, "remindedAt");
        Objects.requireNonNull(escalatedAt, "escalatedAt");
    }

    public static CheckDay of(LocalDate day, String owner) {
        return new CheckDay(day, owner, Optional.empty(), Optional.empty(), List.of(), Optional.empty(), Optional.empty());
    }

    public boolean isChecked() {
        return checked.isPresent();
    }

    /** Since when the current holder has had the day: the prompt, or the last hand-off if later. */
    public Optional<Instant> heldSince() {
        Optional<Instant> posted = prompt.map(PromptRef::at);
        if (handOffs.isEmpty()) {
            return posted;
        }
        Instant handed = handOffs.get(handOffs.size() - 1).at();
        return Optional.of(posted.filter(p -> p.isAfter(handed)).orElse(handed));
    }

    CheckDay withOwner(String newOwner) {
        return new CheckDay(day, newOwner, prompt, checked, handOffs, remindedAt, escalatedAt);
    }

    CheckDay withPrompt(PromptRef ref) {
        return new CheckDay(day, owner, Optional.of(ref), checked, handOffs, remindedAt, escalatedAt);
    }

    CheckDay withCheck(Check check) {
        return new CheckDay(day, owner, prompt, Optional.of(check), handOffs, remindedAt, escalatedAt);
    }

    CheckDay withHandOff(HandOff handOff) {
        List<HandOff> all = new ArrayList<>(handOffs);
        all.add(handOff);
        return new CheckDay(day, handOff.to(), prompt, checked, all, remindedAt, escalatedAt);
    }

    CheckDay withReminded(Instant at) {
        return new CheckDay(day, owner, prompt, checked, handOffs, Optional.of(at), escalatedAt);
    }

    CheckDay withEscalated(Instant at) {
        return new CheckDay(day, owner, prompt, checked, handOffs, remindedAt, Optional.of(at));
    }
}
