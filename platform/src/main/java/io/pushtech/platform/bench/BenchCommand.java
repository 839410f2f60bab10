package io.pushtech.platform.bench;

import io.pushtech.platform.UsageException;
import java.io.PrintStream;
import java.util.List;

/** {@code pushtech bench <name>}: runs a named benchmark and prints its Markdown table. */
public final class BenchCommand {

    private static final List<String> NAMES = List.of("stack", "tracker", "storage", "kafkastore", "notifications");

    private final PrintStream out;
    private final PrintStream progress;

    /** The table goes to {@code out}; what the benchmark is doing goes to {@code progress}. */
    public BenchCommand(PrintStream out, PrintStream progress) {
        this.out = out;
        this.progress = progress;
    }

    public static List<String> names() {
        return NAMES;
    }

    public int run(String name) throws Exception {
        switch (name) {
            case "stack" -> out.print(new StackBenchmark(progress).run().markdown());
            case "tracker" -> out.print(new TrackerBenchmark(progress).run().markdown());
            case "storage" -> out.print(new StorageBenchmark(progress).run().markdown());
            case "kafkastore" ->
                out.print(new KafkastoreBenchmark(progress, Integer.getInteger("pushtech.bench.events", 1_000_000))
                        .run()
                        .markdown());
            case "notifications" ->
                out.print(new NotificationsBenchmark(progress, Integer.getInteger("pushtech.bench.matches", 100_000))
                        .run()
                        .markdown());
            default ->
                throw new UsageException("unknown benchmark '" + name + "' (known: " + String.join(", ", NAMES) + ")");
        }
        return 0;
    }
}
