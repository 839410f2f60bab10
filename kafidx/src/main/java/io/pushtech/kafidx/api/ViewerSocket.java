package io.pushtech.kafidx.api;

import io.pushtech.common.http.ApiException;
import io.pushtech.kafidx.domain.EventFilter;
import io.pushtech.kafidx.domain.EventView;
import io.pushtech.kafidx.domain.InvalidFilterException;
import io.pushtech.kafidx.domain.Masker;
import io.pushtech.kafidx.domain.TopicRates;
import io.pushtech.kafidx.infra.TopicReader;
import io.vertx.core.Context;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One page's WebSocket: turns the page's messages into commands for its {@link TopicReader} and writes the
 * reader's events, throttling notices, rates and errors back as JSON messages ({@code kind}: {@code hello},
 * {@code watching}, {@code event}, {@code throttled}, {@code rates}, {@code paused}, {@code resumed},
 * {@code error}). An event that finds the socket's write queue full is skipped and counted like a throttled one.
 * Runs on the event loop of the socket's context; the reader's callbacks are moved onto it.
 */
final class ViewerSocket implements TopicReader.Sink {

    /** Commands are short (a filter is at most a few hundred characters); the server reads up to 256 KiB. */
    private static final int MAX_MESSAGE_CHARS = 16 * 1024;

    private static final long THROTTLE_REPORT_MILLIS = 1000;
    private static final long RATES_MILLIS = 2000;

    private final ServerWebSocket socket;
    private final Context context;
    private final List<String> topics;
    private final Masker masker;
    private final EventView view;
    private final TopicRates rates;
    private final TopicReader reader;
    private long skipped;
    private long throttleTimer;
    private long ratesTimer;

    ViewerSocket(
            ServerWebSocket socket,
            Context context,
            List<String> topics,
            Masker masker,
            EventView view,
            TopicRates rates,
            Function<TopicReader.Sink, TopicReader> readers) {
        this.socket = socket;
        this.context = context;
        this.topics = topics;
        this.masker = masker;
        this.view = view;
        this.rates = rates;
        this.reader = readers.apply(this);
    }

    /** Greets the page and starts listening to it; {@code onClose} runs once the socket is gone. */
    void start(String user, List<String> maskedFields, Runnable onClose) {
        socket.textMessageHandler(this::onMessage);
        socket.binaryMessageHandler(ignored ->
                sendError("invalid_message", "a message is a JSON object in a text message, not a binary one", null));
        socket.closeHandler(v -> {
            context.owner().cancelTimer(throttleTimer);
            context.owner().cancelTimer(ratesTimer);
            reader.stop();
            onClose.run();
        });
        throttleTimer = context.owner().setPeriodic(THROTTLE_REPORT_MILLIS, id -> reportSkipped());
        ratesTimer = context.owner().setPeriodic(RATES_MILLIS, id -> sendRates());
        send(new JsonObject()
                .put("kind", "hello")
                .put("user", user)
                .put("topics", new JsonArray(topics))
                .put("maxEventsPerSecond", view.maxPerSecond())
                .put("maskedFields", new JsonArray(maskedFields)));
        sendRates();
    }

    private void onMessage(String text) {
        if (text.length() > MAX_MESSAGE_CHARS) {
            sendError("message_too_large", "a message is at most " + MAX_MESSAGE_CHARS + " characters", null);
            return;
        }
        try {
            ViewerCommand command = ViewerCommand.parse(text, topics);
            if (command instanceof ViewerCommand.Watch watch) {
                view.filter(parseFilter(watch.filter()));
                reader.watch(watch.topics(), watch.from());
            } else if (command instanceof ViewerCommand.Filter filter) {
                view.filter(parseFilter(filter.filter()));
                send(new JsonObject()
                        .put("kind", "filtered")
                        .put("filter", view.filter().text()));
            } else if (command instanceof ViewerCommand.Pause) {
                reader.pause();
            } else {
                reader.resume();
            }
        } catch (ApiException e) {
            sendError(e.code(), e.getMessage(), e.field().orElse(null));
        }
    }

    private EventFilter parseFilter(String text) {
        try {
            return EventFilter.parse(text, masker::isMasked);
        } catch (InvalidFilterException e) {
            throw new ApiException(400, e.code(), e.getMessage(), "filter");
        }
    }

    @Override
    public void events(List<String> events) {
        context.runOnContext(v -> {
            for (String event : events) {
                if (socket.isClosed()) {
                    return;
                }
                if (socket.writeQueueFull()) {
                    skipped++;
                } else {
                    socket.writeTextMessage(event);
                }
            }
        });
    }

    @Override
    public void skipped(long count) {
        context.runOnContext(v -> skipped += count);
    }

    @Override
    public void watching(List<String> watched, Map<String, Integer> partitions) {
        context.runOnContext(v -> send(new JsonObject()
                .put("kind", "watching")
                .put("topics", new JsonArray(watched))
                .put("partitions", new JsonObject(Map.copyOf(partitions)))
                .put("filter", view.filter().text())));
    }

    @Override
    public void error(String code, String message) {
        context.runOnContext(v -> sendError(code, message, null));
    }

    @Override
    public void state(String state) {
        context.runOnContext(v -> send(new JsonObject().put("kind", state)));
    }

    private void reportSkipped() {
        if (skipped > 0) {
            send(new JsonObject()
                    .put("kind", "throttled")
                    .put("skipped", skipped)
                    .put("maxEventsPerSecond", view.maxPerSecond()));
            skipped = 0;
        }
    }

    private void sendRates() {
        JsonObject byTopic = new JsonObject();
        rates.snapshot()
                .forEach((topic, rate) -> byTopic.put(
                        topic,
                        new JsonObject()
                                .put("perSecond", rate.perSecond())
                                .put("history", new JsonArray(rate.history()))));
        send(new JsonObject().put("kind", "rates").put("topics", byTopic));
    }

    private void sendError(String code, String message, String field) {
        JsonObject error =
                new JsonObject().put("kind", "error").put("code", code).put("message", message);
        if (field != null) {
            error.put("field", field);
        }
        send(error);
    }

    private void send(JsonObject message) {
        if (!socket.isClosed()) {
            socket.writeTextMessage(message.encode());
        }
    }
}
