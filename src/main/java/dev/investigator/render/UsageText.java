package dev.investigator.render;

import dev.investigator.investigation.UserFacingException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What to tell someone whose command could not be run, and the help text: plain text in their language,
 * always ending with the usage so the next try can succeed. (Slack delivery escapes it like any text.)
 */
public final class UsageText {

    private final Messages messages;

    public UsageText(Messages messages) {
        this.messages = Objects.requireNonNull(messages);
    }

    public String problem(UserFacingException e) {
        List<String> lines = new ArrayList<>();
        lines.add(messages.get("problem." + e.problem().name(), e.fragment()));
        if (!e.suggestions().isEmpty()) {
            lines.add(messages.get("problem.didYouMean", String.join(", ", e.suggestions())));
        }
        lines.add(messages.get("usage.line"));
        if (e.problem() != UserFacingException.Problem.UNKNOWN_SERVICE && e.problem() != UserFacingException.Problem.EMPTY) {
            lines.add(messages.get("usage.windows"));
        }
        return String.join("\n", lines);
    }

    public String help(List<String> services) {
        return String.join("\n",
                messages.get("help.title"),
                messages.get("usage.line"),
                messages.get("usage.windows"),
                messages.get("usage.services", String.join(", ", services)),
                messages.get("usage.more"));
    }
}
