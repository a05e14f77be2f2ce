package dev.investigator.investigation;

import java.util.List;
import java.util.Objects;

/**
 * Input a person got wrong, with what a reply needs to help them: the problem, the (sanitised) part of their
 * input it is about, and suggestions. Renderers word it in the user's language.
 */
public final class UserFacingException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Problem {
        EMPTY,
        UNKNOWN_SERVICE,
        BAD_WINDOW,
        WINDOW_TOO_SHORT,
        WINDOW_TOO_LONG,
        WINDOW_IN_FUTURE,
        TOO_LONG,
        BAD_ROTATION_CHANGE
    }

    private final Problem problem;
    private final String fragment;
    private final List<String> suggestions;

    public UserFacingException(Problem problem, String fragment, List<String> suggestions) {
        super(problem + (fragment.isEmpty() ? "" : ": " + fragment)
                + (suggestions.isEmpty() ? "" : " (did you mean " + String.join(", ", suggestions) + "?)"));
        this.problem = Objects.requireNonNull(problem);
        this.fragment = Objects.requireNonNull(fragment);
        this.suggestions = List.copyOf(suggestions);
    }

    public Problem problem() {
        return problem;
    }

    /** The offending part of the input, cut short and stripped of control characters: safe to echo. */
    public String fragment() {
        return fragment;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
