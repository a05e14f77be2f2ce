package dev.investigator.sandbox.slack;

import java.util.Optional;

/**
 * The gate in front of the methods, in Slack's order: an unknown method is {@code unknown_method}; no token is
 * {@code not_authed}; a token the workspace never issued is {@code invalid_auth}; the wrong kind of token
 * (bot token for {@code apps.connections.open}, app token for anything but that and {@code auth.test}) is
 * {@code not_allowed_token_type}. Only a properly authenticated call meets an armed fault, then the method.
 */
final class WebApi {

    private final WebApiMethods methods;
    private final Faults faults;

    WebApi(WebApiMethods methods, Faults faults) {
        this.methods = methods;
        this.faults = faults;
    }

    Reply answer(String method, RequestParams request) {
        if (!methods.names().contains(method)) {
            return Reply.error("unknown_method");
        }
        if (request.malformedJson()) {
            return Reply.error("invalid_json");
        }
        Optional<String> authError = authError(method, request.token());
        if (authError.isPresent()) {
            return Reply.error(authError.get());
        }
        return faults.take(method).orElseGet(() -> methods.call(method, request.token(), request.params()));
    }

    private static Optional<String> authError(String method, String token) {
        if (token == null) {
            return Optional.of("not_authed");
        }
        if (!token.equals(FakeSlack.BOT_TOKEN) && !token.equals(FakeSlack.APP_TOKEN)) {
            return Optional.of("invalid_auth");
        }
        boolean isAppToken = token.equals(FakeSlack.APP_TOKEN);
        // Slack documents auth.test for app-level tokens too; the SDK calls it with every token it is given.
        if (method.equals(WebApiMethods.AUTH_TEST)) {
            return Optional.empty();
        }
        if (method.equals(WebApiMethods.APPS_CONNECTIONS_OPEN) != isAppToken) {
            return Optional.of("not_allowed_token_type");
        }
        return Optional.empty();
    }
}
