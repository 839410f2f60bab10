package io.pushtech.common.http;

/**
 * A dependency a service needs in order to serve: {@link #probe()} throws when it is unreachable. Probes
 * may block (they run on a worker thread) and should give up within a second or two.
 */
public interface ReadinessCheck {

    String name();

    void probe() throws Exception;

    static ReadinessCheck of(String name, ThrowingRunnable probe) {
        return new ReadinessCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void probe() throws Exception {
                probe.run();
            }
        };
    }

    @FunctionalInterface
    interface ThrowingRunnable {
        void run() throws Exception;
    }
}
