package dev.investigator.alert;

import com.fasterxml.jackson.databind.JsonNode;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.model.ServiceDefinition;
import dev.investigator.model.TimeWindow;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The brain the Slack layer calls for every message event in any channel: is it an alert, about which services,
 * and what to do — investigate, point at the storm's investigation, note a recovery, say the service is unknown,
 * or nothing.
 *
 * <p><b>References.</b> The caller passes its own reference to the post ({@code R}: typically channel + ts). An
 * investigation is replied in its alert's thread, so the storm's lead reference is simply the lead post's
 * reference, known when the decision is made: no hand-off is needed after the investigation is posted. If the
 * Slack layer wants to edit its summary later (recovery status), it maps the lead reference to its own message.
 *
 * <p><b>Threads.</b> {@link #decide} is synchronized on this triage: one lock guards the storms, the cap, the
 * ledger and the reply memory, so two alerts of a storm arriving on two threads cannot both lead. A decision is
 * pure computation (microseconds, no I/O), so the lock is never held long; callers do the Slack and vendor work
 * after it returns.
 *
 * @param <R> the Slack layer's reference to a post
 */
public final class AlertTriage<R> {

    private static final Logger log = LoggerFactory.getLogger(AlertTriage.class);
    private static final Duration MIN_WINDOW = Duration.ofMinutes(5);
    private static final int MAX_STORMS_PER_CHANNEL = 1_000;
    private static final int RECENT_POSTS = 5_000;
    private static final int MAX_UNKNOWN_REPLIES_REMEMBERED = 1_000;

    /** This bot's own identity: its posts never trigger anything. Either id may be empty. */
    public record OwnBot(String userId, String botId) {
        public OwnBot {
            userId = userId == null ? "" : userId;
            botId = botId == null ? "" : botId;
        }
    }

    private final AlertSettings settings;
    private final AlertRecognizer recognizer;
    private final ServiceResolver resolver;
    private final Clock clock;
    private final OwnBot self;
    private final DailyCap cap;
    private final AlertLedger<R> ledger;
    private final Map<String, StormCoalescer<R>> storms = new HashMap<>();
    private final Map<String, Instant> unknownReplies = new HashMap<>();
    private final Map<String, Boolean> recentPosts = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_POSTS;
        }
    };

    public AlertTriage(AlertSettings settings, ServiceCatalog catalog, AlertRecognizer recognizer, Clock clock, ZoneId zone,
            OwnBot self) {
        this.settings = Objects.requireNonNull(settings);
        this.recognizer = Objects.requireNonNull(recognizer);
        this.resolver = new ServiceResolver(Objects.requireNonNull(catalog));
        this.clock = Objects.requireNonNull(clock);
        this.self = Objects.requireNonNull(self);
        this.cap = new DailyCap(clock, zone);
        this.ledger = AlertLedger.standard(clock);
    }

    /** Whether the channel is listed at all, so the caller can skip reading events of other channels. */
    public boolean watches(String channel) {
        return settings.watches(channel);
    }

    /** Decides on a Slack {@code message} event (the Events API {@code event} object). */
    public List<AlertDecision<R>> decide(JsonNode event, R postRef) {
        Optional<AlertPost> post = AlertPost.fromEvent(event);
        if (post.isEmpty()) {
            return List.of(ignore(IgnoreReason.NOT_ALERT, null));
        }
        return decide(post.get(), postRef);
    }

    /**
     * One decision per service the alert names (one for everything else). Never empty, never throws on odd posts.
     *
     * @param postRef the caller's reference to this post; becomes the lead reference if it starts an investigation
     */
    public synchronized List<AlertDecision<R>> decide(AlertPost post, R postRef) {
        Objects.requireNonNull(postRef, "postRef");
        if ((!self.userId().isEmpty() && self.userId().equals(post.user()))
                || (!self.botId().isEmpty() && self.botId().equals(post.botId()))) {
            return List.of(ignore(IgnoreReason.OWN_MESSAGE, null));
        }
        Optional<ChannelSettings> configured = settings.channel(post.channel());
        if (configured.isEmpty()) {
            return List.of(ignore(IgnoreReason.CHANNEL_NOT_WATCHED, null));
        }
        ChannelSettings channel = configured.get();
        if (!channel.enabled()) {
            return List.of(ignore(IgnoreReason.DISABLED, null));
        }
        if (!post.isNewPost()) {
            return List.of(ignore(IgnoreReason.NOT_A_NEW_POST, null));
        }
        if (recentPosts.put(post.channel() + "/" + post.ts(), Boolean.TRUE) != null) {
            return List.of(ignore(IgnoreReason.DUPLICATE, null));
        }
        Instant now = clock.instant();
        if (post.postedAt().isBefore(now.minus(channel.maxAge()))) {
            return List.of(ignore(IgnoreReason.STALE, null));
        }
        Optional<Alert> recognised = post.fromBot() ? recognizer.recognize(post) : Optional.empty();
        if (recognised.isEmpty()) {
            return List.of(ignore(IgnoreReason.NOT_ALERT, null));
        }
        Alert alert = recognised.get();
        if (!channel.vendors().contains(alert.vendor())) {
            return List.of(ignore(IgnoreReason.VENDOR_FILTERED, alert));
        }
        ServiceResolver.Resolution resolution = resolver.resolve(alert, channel);
        if (alert.state() == AlertState.RECOVERED) {
            return recovery(alert, resolution);
        }
        if (!channel.states().contains(alert.state())) {
            return List.of(ignore(IgnoreReason.STATE_NOT_INVESTIGATED, alert));
        }
        if (!alert.severity().passes(channel.minSeverity())) {
            return List.of(ignore(IgnoreReason.BELOW_SEVERITY, alert));
        }
        if (!resolution.found()) {
            return List.of(unknown(post.channel(), channel, alert, resolution, now));
        }
        List<AlertDecision<R>> decisions = new ArrayList<>();
        StormCoalescer<R> coalescer = storms.computeIfAbsent(post.channel(),
                c -> new StormCoalescer<>(clock, channel.stormWindow(), MAX_STORMS_PER_CHANNEL));
        for (ServiceDefinition service : resolution.services()) {
            decisions.add(firing(post.channel(), channel, coalescer, alert, service, postRef, now));
        }
        return decisions;
    }

    private AlertDecision<R> firing(String channelId, ChannelSettings channel, StormCoalescer<R> coalescer, Alert alert,
            ServiceDefinition service, R postRef, Instant now) {
        Optional<StormCoalescer.Follow<R>> follow = coalescer.join(service.name(), alert.firedAt());
        if (follow.isPresent()) {
            StormCoalescer.Follow<R> f = follow.get();
            ledger.firing(alert, service.name(), f.leadRef());
            return new AlertDecision.FollowUp<>(alert, service, f.leadRef(), channelId + "/" + f.stormId(), f.alerts(),
                    channel.followUps());
        }
        switch (cap.take(channelId, channel.dailyCap())) {
            case REACHED -> {
                log.warn("alert channel {} reached its daily cap of {} investigations", channelId, channel.dailyCap());
                return new AlertDecision.CapReached<>(channelId, channel.dailyCap(), alert);
            }
            case EXHAUSTED -> {
                return ignore(IgnoreReason.CAP_REACHED, alert);
            }
            default -> {
                // allowed: this alert leads a new storm
            }
        }
        StormCoalescer.Admission<R> lead = coalescer.admit(service.name(), alert.firedAt(), postRef);
        ledger.firing(alert, service.name(), postRef);
        String stormId = channelId + "/" + lead.stormId();
        log.info("{} alert in {} for {}: investigating (storm {})", alert.vendor(), channelId, service.name(), stormId);
        return new AlertDecision.Investigate<>(alert, service, window(alert.firedAt(), channel, now), stormId);
    }

    /**
     * {@code [firedAt − lookback, min(now, firedAt + after))}, stretched back to at least five minutes so a fresh
     * alert still gets a window with data in it.
     */
    static TimeWindow window(Instant firedAt, ChannelSettings channel, Instant now) {
        Instant to = firedAt.plus(channel.after());
        if (to.isAfter(now)) {
            to = now;
        }
        Instant from = firedAt.minus(channel.lookback());
        if (Duration.between(from, to).compareTo(MIN_WINDOW) < 0) {
            from = to.minus(MIN_WINDOW);
        }
        return new TimeWindow(from, to);
    }

    private List<AlertDecision<R>> recovery(Alert alert, ServiceResolver.Resolution resolution) {
        List<AlertDecision<R>> out = new ArrayList<>();
        for (ServiceDefinition service : resolution.services()) {
            ledger.recover(alert, Optional.of(service.name())).ifPresent(m -> out.add(new AlertDecision.Recovered<>(alert, m)));
        }
        if (out.isEmpty()) {
            ledger.recover(alert, Optional.empty()).ifPresent(m -> out.add(new AlertDecision.Recovered<>(alert, m)));
        }
        if (out.isEmpty()) {
            out.add(new AlertDecision.RecoveredUnmatched<>(alert));
        }
        return out;
    }

    /** Once per channel and set of names per storm window: a storm of unknown alerts gets one reply. */
    private AlertDecision<R> unknown(String channelId, ChannelSettings channel, Alert alert, ServiceResolver.Resolution r,
            Instant now) {
        if (channel.unknownService() == UnknownServiceReply.SILENT) {
            return ignore(IgnoreReason.UNKNOWN_SERVICE, alert);
        }
        String key = channelId + "|" + String.join(",", r.lookedFor());
        Instant last = unknownReplies.get(key);
        if (last != null && Duration.between(last, now).compareTo(channel.stormWindow()) < 0) {
            return ignore(IgnoreReason.UNKNOWN_SERVICE, alert);
        }
        if (unknownReplies.size() >= MAX_UNKNOWN_REPLIES_REMEMBERED) {
            unknownReplies.values().removeIf(t -> t.isBefore(now.minus(Duration.ofDays(1))));
            if (unknownReplies.size() >= MAX_UNKNOWN_REPLIES_REMEMBERED) {
                unknownReplies.clear();
            }
        }
        unknownReplies.put(key, now);
        return new AlertDecision.UnknownService<>(alert, r.lookedFor(), r.tagKeys());
    }

    private AlertDecision<R> ignore(IgnoreReason reason, Alert alert) {
        return new AlertDecision.Ignore<>(reason, Optional.ofNullable(alert));
    }
}
