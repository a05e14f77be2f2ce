package dev.investigator.sandbox.slack;

/**
 * One Socket Mode connection the fake accepted.
 *
 * @param number     1 for the first connection since start, 2 after a reconnect, and so on
 * @param helloNanos {@link System#nanoTime()} when the fake sent this connection its {@code hello}: from then on
 *                   the app receives envelopes (what "connected" means for start-up time)
 */
public record SocketConnection(int number, long helloNanos) {
}
