package io.pushtech.platform.bench;

import io.pushtech.common.config.Settings;
import io.pushtech.platform.UsageException;
import java.io.PrintStream;
import java.util.List;

/** {@code pushtech bench <name>}: runs a named benchmark and prints its Markdown table. */
public final class BenchCommand {

    private static final List<String> NAMES = List.of("stack");

    private final PrintStream out;
    private final Settings settings;

    public BenchCommand(PrintStream out, Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    public static List<String> names() {
        return NAMES;
    }

    public int run(String name) throws Exception {
        if (name.equals("stack")) {
            out.print(new StackBenchmark(settings, out).run().markdown());
            return 0;
        }
        throw new UsageException("unknown benchmark '" + name + "' (known: " + String.join(", ", NAMES) + ")");
    }
}
