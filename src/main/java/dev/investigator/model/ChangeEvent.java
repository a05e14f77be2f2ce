package dev.investigator.model;

import java.time.Instant;
import java.util.Objects;

/** Something that was changed on purpose near the window: a deploy, a config change, a feature flag. */
public record ChangeEvent(Instant at, String title, String kind, String link) {
    public ChangeEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(title, "title");
        kind = kind == null ? "change" : kind;
        link = link == null ? "" : link;
    }
}
