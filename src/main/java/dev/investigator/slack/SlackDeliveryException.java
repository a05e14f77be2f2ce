package dev.investigator.slack;

/** Slack refused a Web API call; {@code error} is Slack's own code ({@code not_in_channel}, {@code ratelimited}...). */
public final class SlackDeliveryException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String method;
    private final String error;

    public SlackDeliveryException(String method, String error, Throwable cause) {
        super(method + ": " + error, cause);
        this.method = method;
        this.error = error;
    }

    public String method() {
        return method;
    }

    public String error() {
        return error;
    }

    /** The bot cannot post here until someone invites it (or the channel is gone). */
    public boolean notInChannel() {
        return error.equals("not_in_channel") || error.equals("channel_not_found") || error.equals("is_archived");
    }
}
