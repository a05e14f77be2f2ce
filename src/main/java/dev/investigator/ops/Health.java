package dev.investigator.ops;

/**
 * What the readiness probe needs to know, read fresh on every probe.
 *
 * @param slackConnected the Socket Mode connection is open (a bot without it cannot hear anyone)
 * @param shuttingDown   the process is draining: finish what runs, take nothing new
 * @param inFlight       investigations running now
 */
public record Health(boolean slackConnected, boolean shuttingDown, int inFlight) {

    public boolean ready() {
        return slackConnected && !shuttingDown;
    }

    /** One small JSON object, e.g. {@code {"ready":false,"slack":"disconnected","inFlight":3,"shuttingDown":false}}. */
    public String toJson() {
        return "{\"ready\":" + ready()
                + ",\"slack\":\"" + (slackConnected ? "connected" : "disconnected") + "\""
                + ",\"inFlight\":" + inFlight
                + ",\"shuttingDown\":" + shuttingDown + "}";
    }
}
