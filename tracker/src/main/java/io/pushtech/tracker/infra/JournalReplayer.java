package io.pushtech.tracker.infra;

/** Replays the journal into the stream every interval, on its own thread, until closed. */
public final class JournalReplayer implements AutoCloseable {

    private final Thread thread;
    private volatile boolean running = true;

    public JournalReplayer(JournalFallback journal, StreamAppender stream, long intervalMillis) {
        this.thread = new Thread(
                () -> {
                    while (running) {
                        journal.replayOnce(stream);
                        try {
                            Thread.sleep(intervalMillis);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "tracker-journal-replayer");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
