package dev.investigator.sandbox.slack;

import java.time.Duration;
import java.util.Objects;

/**
 * An acknowledgement the app sent over Socket Mode: {@code {"envelope_id": "..."}}, optionally with a payload.
 *
 * @param envelopeId  the envelope it acknowledges
 * @param payloadJson the ack's {@code payload} as JSON text, or null when the ack had none
 * @param sentNanos   {@link System#nanoTime()} when the fake last wrote that envelope to a socket (for a queued
 *                    envelope: when it was finally delivered), or -1 if the fake never sent that envelope id
 * @param ackNanos    {@link System#nanoTime()} when the ack arrived; {@code ackNanos - sentNanos} is the ack
 *                    latency as Slack would measure it (Slack wants it under 3 seconds)
 */
public record Ack(String envelopeId, String payloadJson, long sentNanos, long ackNanos) {

    public Ack {
        Objects.requireNonNull(envelopeId, "envelopeId");
    }

    /** The ack latency, or null if the fake never sent this envelope. */
    public Duration latency() {
        return sentNanos < 0 ? null : Duration.ofNanos(ackNanos - sentNanos);
    }
}
