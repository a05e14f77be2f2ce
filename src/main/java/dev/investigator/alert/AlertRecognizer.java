package dev.investigator.alert;

import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Tries each vendor's parser in turn; the first that recognises the post wins. */
public final class AlertRecognizer {

    private static final Logger log = LoggerFactory.getLogger(AlertRecognizer.class);

    private final List<AlertParser> parsers;

    public AlertRecognizer(List<AlertParser> parsers) {
        this.parsers = List.copyOf(parsers);
    }

    /**
     * The five vendors, those with a fixed fingerprint first (Grafana's footer icon, Sentry's block id), so the
     * looser readers (CloudWatch, PagerDuty) never claim another vendor's post.
     */
    public static AlertRecognizer standard() {
        return new AlertRecognizer(List.of(new GrafanaAlertParser(), new SentryAlertParser(), new DatadogAlertParser(),
                new PagerDutyAlertParser(), new CloudWatchAlertParser()));
    }

    /** The alert in the post, or empty for anything that is not one. Never throws. */
    public Optional<Alert> recognize(AlertPost post) {
        for (AlertParser parser : parsers) {
            try {
                Optional<Alert> alert = parser.parse(post);
                if (alert.isPresent()) {
                    return alert;
                }
            } catch (RuntimeException e) {
                // A vendor changing its layout must cost one unrecognised post, not the listener.
                log.warn("{} parser failed on a post in {} ({}); treated as not an alert", parser.vendor(), post.channel(),
                        e.getClass().getSimpleName());
            }
        }
        return Optional.empty();
    }
}
