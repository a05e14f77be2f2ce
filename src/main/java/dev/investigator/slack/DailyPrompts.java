package dev.investigator.slack;

import dev.investigator.digest.DailyDigest;
import dev.investigator.digest.DigestCollector;
import dev.investigator.digest.DigestQuery;
import dev.investigator.model.ServiceCatalog;
import dev.investigator.model.TimeWindow;
import dev.investigator.render.DailyPromptRenderer;
import dev.investigator.render.DailyPromptView;
import dev.investigator.rotation.DailyCheck;
import dev.investigator.rotation.DueAction;
import dev.investigator.rotation.RotationStateException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Does what the rotation says is due — the morning prompt with the digest, the reminder, the escalation — and
 * posts the digest when someone asks for it. The digest is collected before the prompt is posted, so the one
 * message that mentions the owner is the complete one (an edited message notifies nobody).
 */
final class DailyPrompts {

    private static final Logger log = LoggerFactory.getLogger(DailyPrompts.class);

    private final Optional<DailyCheck> check;
    private final Optional<String> rotationChannel;
    private final DigestCollector collector;
    private final ServiceCatalog catalog;
    private final DailyPromptRenderer renderer;
    private final SlackGateway gateway;
    private final Clock clock;
    private final java.time.ZoneId zone;
    private final Duration budget;
    private final Supplier<String> ids;

    DailyPrompts(Optional<DailyCheck> check, Optional<String> rotationChannel, DigestCollector collector, ServiceCatalog catalog,
            DailyPromptRenderer renderer, SlackGateway gateway, Clock clock, java.time.ZoneId zone, Duration budget,
            Supplier<String> ids) {
        this.check = Objects.requireNonNull(check);
        this.rotationChannel = Objects.requireNonNull(rotationChannel);
        this.collector = Objects.requireNonNull(collector);
        this.catalog = Objects.requireNonNull(catalog);
        this.renderer = Objects.requireNonNull(renderer);
        this.gateway = Objects.requireNonNull(gateway);
        this.clock = Objects.requireNonNull(clock);
        this.zone = Objects.requireNonNull(zone);
        this.budget = Objects.requireNonNull(budget);
        this.ids = Objects.requireNonNull(ids);
    }

    /** One tick of the scheduler: everything due now, each failure logged and released for the next tick. */
    void tick() {
        if (check.isEmpty() || rotationChannel.isEmpty()) {
            return;
        }
        List<DueAction> due;
        try {
            due = check.get().due();
        } catch (RotationStateException e) {
            log.error("the rotation state cannot be read or written: {}", e.getMessage());
            return;
        } catch (RuntimeException e) {
            // the timer would stop ticking for good if this escaped: log it and look again next tick
            log.error("the daily check could not tell what is due", e);
            return;
        }
        for (DueAction action : due) {
            try {
                perform(check.get(), rotationChannel.get(), action);
            } catch (RuntimeException e) {
                log.error("daily check {} for {} failed; it will be tried again", action.getClass().getSimpleName(), action.day(), e);
                try {
                    check.get().failed(action);
                } catch (RuntimeException again) {
                    log.error("could not release {}: {}", action.day(), again.toString());
                }
            }
        }
    }

    private void perform(DailyCheck daily, String channel, DueAction action) {
        if (action instanceof DueAction.PostPrompt p) {
            DailyDigest digest = collect(p.period());
            String ts = gateway.post(channel, Optional.empty(), renderer.prompt(digest, DailyPromptView.open(p.day(), p.owner())));
            daily.promptPosted(p.day(), channel, ts);
            log.info("daily prompt of {} posted for {} ({} services flagged)", p.day(), p.owner(), digest.flagged().size());
        } else if (action instanceof DueAction.Remind r) {
            gateway.post(r.prompt().channel(), Optional.of(r.prompt().ts()), renderer.reminder(DailyPromptView.open(r.day(), r.owner())));
            daily.reminded(r.day());
        } else if (action instanceof DueAction.Escalate e) {
            gateway.post(e.prompt().channel(), Optional.of(e.prompt().ts()), renderer.escalation(e.backup()));
            daily.escalated(e.day());
        }
    }

    /** {@code /investigate daily}: a placeholder at once, then the digest of the last 24 hours in its place. */
    void postOnDemand(String channel, String requester) {
        String ts = gateway.post(channel, Optional.empty(), renderer.collecting(catalog.services().size()));
        DailyDigest digest = collect(TimeWindow.ending(clock.instant(), DailyCheck.DEFAULT_PERIOD));
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        gateway.update(channel, ts, renderer.prompt(digest, DailyPromptView.onDemand(today, requester)));
    }

    private DailyDigest collect(TimeWindow period) {
        String id = ids.get();
        MDC.put("investigation", id);
        try {
            return collector.collect(DigestQuery.everyService(id, catalog, period))
                    .get(budget.toMillis() + 5_000, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while collecting the digest", e);
        } catch (ExecutionException | TimeoutException e) {
            // the collector turns every source failure into a gap, so this is a bug, not a vendor outage
            throw new IllegalStateException("the digest could not be collected", e);
        } finally {
            MDC.remove("investigation");
        }
    }
}
