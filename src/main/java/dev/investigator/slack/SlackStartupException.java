package dev.investigator.slack;

/** The Slack app cannot start; the message says which token or setting and what to do. Never holds a token. */
public final class SlackStartupException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SlackStartupException(String message) {
        super(message);
    }
}
