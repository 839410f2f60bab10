package io.pushtech.platform;

import io.pushtech.common.config.Settings;
import io.pushtech.platform.bench.BenchCommand;
import io.pushtech.storage.StorageReplay;
import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/** Parses the {@code pushtech} command line and runs the command; returns the process exit code. */
public final class CommandLine {

    public static final String USAGE =
            """
            usage: pushtech <command> [arguments]

            commands:
              up [--external]   start the development stack and every service in one JVM (Ctrl-C stops all)
              run <service>     run one service (%s) against KAFKA_BOOTSTRAP, REDIS_URL, MONGO_URI
              test              install what the tests need, then run the whole test suite (mvn -B verify)
              bench <name>      run a benchmark and print its Markdown table (%s)
              replay storage    rebuild storage's MongoDB collections from the Kafka topics (stop storage first)
              token [--admin] <userId>
                                print a bearer token the development stack accepts for that user
                                (--admin: with the admin role, as kafidx requires)
              config            print every environment variable with its default, as a Markdown table
              help              show this help
            """
                    .formatted(String.join(", ", Services.names()), String.join(", ", BenchCommand.names()));

    private final PrintStream out;
    private final PrintStream err;
    private final Settings settings;

    public CommandLine(PrintStream out, PrintStream err, Settings settings) {
        this.out = out;
        this.err = err;
        this.settings = settings;
    }

    public int run(String... args) {
        try {
            settings.get(PlatformSettings.LOG_FORMAT);
            settings.get(PlatformSettings.LOG_LEVEL);
            return dispatch(args);
        } catch (UsageException e) {
            err.println("pushtech: " + e.getMessage());
            err.print(USAGE);
            return 2;
        } catch (Exception e) {
            err.println("pushtech: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
            return 1;
        }
    }

    private int dispatch(String[] args) throws Exception {
        if (args.length == 0) {
            throw new UsageException("no command given");
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        switch (args[0]) {
            case "help", "--help", "-h" -> {
                expectArguments(rest, 0, "help");
                out.print(USAGE);
                return 0;
            }
            case "up" -> {
                boolean external = parseUpFlags(rest);
                return new UpCommand(out, settings).run(external);
            }
            case "run" -> {
                expectArguments(rest, 1, "run <service>");
                var service = Services.named(rest.get(0))
                        .orElseThrow(() -> new UsageException("unknown service '" + rest.get(0) + "'"));
                return new RunCommand(out, settings).run(service);
            }
            case "bench" -> {
                expectArguments(rest, 1, "bench <name>");
                return new BenchCommand(out, err).run(rest.get(0));
            }
            case "replay" -> {
                expectArguments(rest, 1, "replay storage");
                if (!rest.get(0).equals("storage")) {
                    throw new UsageException("unknown replay '" + rest.get(0) + "' (known: storage)");
                }
                StorageReplay.from(settings, err).run();
                return 0;
            }
            case "token" -> {
                boolean admin = !rest.isEmpty() && rest.get(0).equals("--admin");
                List<String> userId = admin ? rest.subList(1, rest.size()) : rest;
                expectArguments(userId, 1, "token [--admin] <userId>");
                return new TokenCommand(out, settings).run(userId.get(0), admin);
            }
            case "config" -> {
                expectArguments(rest, 0, "config");
                out.print(ConfigurationTable.markdown());
                return 0;
            }
            case "test" -> throw new UsageException("'test' is run by the pushtech script (./pushtech test)");
            default -> throw new UsageException("unknown command '" + args[0] + "'");
        }
    }

    private static boolean parseUpFlags(List<String> flags) {
        boolean external = false;
        for (String flag : flags) {
            if (!flag.equals("--external")) {
                throw new UsageException("unknown option '" + flag + "' for up");
            }
            external = true;
        }
        return external;
    }

    private static void expectArguments(List<String> args, int count, String form) {
        if (args.size() != count) {
            throw new UsageException("expected: pushtech " + form);
        }
    }
}
