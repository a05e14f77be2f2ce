/**
 * A local fake Slack: the Web API on a JDK {@code HttpServer} and the Socket Mode server on Java-WebSocket, both on
 * 127.0.0.1, playing Slack's side for the real Bolt app in end-to-end tests and in {@code investigator bench}.
 *
 * <p>{@link dev.investigator.sandbox.slack.FakeSlack} is the entry point. It starts from Slack's own published
 * payloads (classpath {@code sandbox/slack/}, see its README), records every Web API call and Socket Mode ack with
 * {@link System#nanoTime()} stamps, and can arm faults (rate limits, method errors, disconnects). Like the rest of
 * the sandbox it imports no vendor SDK: it must not share code with the client it plays against.
 */
package dev.investigator.sandbox.slack;
