package dev.investigator.sandbox.slack;

import java.util.List;

/** The {@code disconnect} reasons Slack's Socket Mode server sends (Slack's Socket Mode documentation). */
final class Disconnects {

    /** In Slack's words: warning = about to be disconnected; refresh_requested = please reconnect now. */
    static final List<String> REASONS = List.of("warning", "refresh_requested", "link_disabled", "too_many_websockets");

    private Disconnects() {
    }

    static void requireKnown(String reason) {
        if (!REASONS.contains(reason)) {
            throw new IllegalArgumentException("unknown disconnect reason '" + reason + "'; Slack sends " + REASONS);
        }
    }
}
