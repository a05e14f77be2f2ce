package dev.investigator.slack;

import dev.investigator.investigation.Investigator;
import dev.investigator.model.Investigation;
import dev.investigator.model.InvestigationQuery;
import dev.investigator.render.SlackMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs requested investigations on the app's own bounded pool — never on a Bolt handler thread — and
 * publishes each as a thread. Knows what is in flight, so a shutdown can finish it or say it was cut short.
 *
 * <p>A worker's job ends when the verdict is shown. The replies under it wait for the channel's pace (one post a
 * second) on a pool of their own: a worker that waited them out was busy about 3 s for a 1 s investigation, and
 * a burst of commands queued behind those waits before their "investigating…" was even posted.
 */
public final class SlackInvestigations {

    private static final Logger log = LoggerFactory.getLogger(SlackInvestigations.class);

    /**
     * What someone (or an alert) asked for, and where the answer goes.
     *
     * @param responseUrl where to tell the person privately when it cannot be posted; blank for alerts
     * @param note        a line shown at the top of the summary (e.g. the alert it answers), mrkdwn, blank for none
     * @param delivered   told where the summary landed and what it said, once posted (alerts keep it to update it)
     */
    public record Request(InvestigationQuery query, String channel, Optional<String> thread, String userId, String responseUrl,
            String note, BiConsumer<ReportPublisher.Delivery, SlackMessage> delivered) {

        public Request(InvestigationQuery query, String channel, Optional<String> thread, String userId, String responseUrl) {
            this(query, channel, thread, userId, responseUrl, "", (d, m) -> { });
        }
    }

    private final Investigator investigator;
    private final ReportPublisher publisher;
    private final SlackGateway gateway;
    private final SlackTexts texts;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor replies;
    private final Duration deadline;
    private final Consumer<Investigation> onFinished;
    private final Map<String, ReportPublisher.Delivery> inFlight = new ConcurrentHashMap<>();

    /**
     * @param replies    posts each thread's replies once its verdict is shown; when it refuses (full), the worker
     *                   posts them itself
     * @param onFinished told once a thread is complete: verdict shown and every reply posted
     */
    SlackInvestigations(Investigator investigator, ReportPublisher publisher, SlackGateway gateway, SlackTexts texts,
            ThreadPoolExecutor workers, ThreadPoolExecutor replies, Duration deadline, Consumer<Investigation> onFinished) {
        this.investigator = Objects.requireNonNull(investigator);
        this.publisher = Objects.requireNonNull(publisher);
        this.gateway = Objects.requireNonNull(gateway);
        this.texts = Objects.requireNonNull(texts);
        this.workers = Objects.requireNonNull(workers);
        this.replies = Objects.requireNonNull(replies);
        this.deadline = Objects.requireNonNull(deadline);
        this.onFinished = Objects.requireNonNull(onFinished);
    }

    /** Queues the request; false when the queue is full (the caller tells the user to try again). */
    public boolean submit(Request request) {
        try {
            workers.execute(() -> run(request));
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /** Tells the person privately (through the command's response_url), when there is one. */
    void tell(String responseUrl, String text) {
        gateway.respond(responseUrl, text);
    }

    public int inFlight() {
        return inFlight.size() + workers.getQueue().size();
    }

    private void run(Request request) {
        InvestigationQuery query = request.query();
        MDC.put("investigation", query.id());
        try {
            ReportPublisher.Delivery delivery;
            try {
                delivery = publisher.begin(request.channel(), request.thread(), query, request.note());
            } catch (SlackDeliveryException e) {
                log.info("cannot post in {}: {}", request.channel(), e.error());
                gateway.respond(request.responseUrl(), e.notInChannel() ? texts.notInChannel() : texts.failed(query.service().name(), e.error()));
                return;
            }
            inFlight.put(query.id(), delivery);
            try {
                Investigation result = investigator.investigate(query)
                        .get(deadline.toMillis() + 5_000, TimeUnit.MILLISECONDS);
                ReportPublisher.Shown shown = publisher.showVerdict(delivery, result, request.note());
                // the verdict replaced the placeholder: nothing is left to mark interrupted
                inFlight.remove(query.id());
                request.delivered().accept(delivery, shown.head());
                Runnable rest = () -> postReplies(query, delivery, shown.replies(), result);
                try {
                    replies.execute(rest);
                } catch (RejectedExecutionException e) {
                    rest.run();
                }
            } catch (InterruptedException e) {
                // marked before the flag is restored: an interrupted thread cannot make the HTTP call
                markInterrupted(query.id());
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                log.error("investigation {} failed", query.id(), e);
                publisher.failed(delivery, query.service().name(), e.getClass().getSimpleName());
            } catch (SlackDeliveryException e) {
                log.error("could not publish {}: {}", query.id(), e.getMessage());
            } finally {
                inFlight.remove(query.id());
            }
        } catch (RuntimeException e) {
            log.error("unexpected failure delivering {}", query.id(), e);
        } finally {
            MDC.remove("investigation");
        }
    }

    private void postReplies(InvestigationQuery query, ReportPublisher.Delivery delivery, List<SlackMessage> replies,
            Investigation result) {
        MDC.put("investigation", query.id());
        try {
            publisher.postReplies(delivery, replies);
            onFinished.accept(result);
            log.info("{} {} posted in {} ({} ms)", query.service().name(), result.verdict(), delivery.channel(),
                    result.elapsed().toMillis());
        } catch (SlackDeliveryException e) {
            log.error("could not post the replies of {}: {}", query.id(), e.getMessage());
        } catch (RuntimeException e) {
            log.error("unexpected failure posting the replies of {}", query.id(), e);
        } finally {
            MDC.remove("investigation");
        }
    }

    /**
     * Stops taking work, lets what runs finish within {@code grace}, then marks what is left as interrupted
     * so nobody waits on a placeholder that will never change. Replies still waiting for their channel's turn get
     * what is left of the grace, then are dropped: their verdicts are already shown.
     */
    public void shutdown(Duration grace) {
        long until = System.nanoTime() + grace.toNanos();
        workers.shutdown();
        try {
            if (!workers.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                workers.shutdownNow();
                // interrupted workers mark their own deliveries; give them a moment before marking what is left
                workers.awaitTermination(2, TimeUnit.SECONDS);
                inFlight.keySet().forEach(this::markInterrupted);
            }
            replies.shutdown();
            if (!replies.awaitTermination(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                replies.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            replies.shutdownNow();
            // marked before the flag is restored: an interrupted thread cannot make the HTTP call
            inFlight.keySet().forEach(this::markInterrupted);
            Thread.currentThread().interrupt();
        }
    }

    /** Whoever removes the delivery marks it, so a placeholder is marked once even when shutdown and worker race. */
    private void markInterrupted(String id) {
        ReportPublisher.Delivery d = inFlight.remove(id);
        if (d == null) {
            return;
        }
        try {
            publisher.interrupted(d);
        } catch (RuntimeException e) {
            log.warn("could not mark {} as interrupted: {}", d.headTs(), e.toString());
        }
    }
}
