package io.pushtech.platform;

import io.pushtech.common.config.Settings;
import io.pushtech.common.service.RunningServices;
import io.pushtech.common.service.ServiceDefinition;
import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/** {@code pushtech run <service>}: one service against the configured servers, as a container runs it. */
final class RunCommand {

    private final PrintStream out;
    private final Settings settings;

    RunCommand(PrintStream out, Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    int run(ServiceDefinition service) throws Exception {
        long start = System.nanoTime();
        PortCheck.requireFree(List.of(service), settings);
        RunningServices running = RunningServices.start(List.of(service), settings);
        Addresses.printServices(out, running.services());
        out.printf(
                "pushtech run %s up in %.1f s; SIGINT or SIGTERM stops it%n",
                service.name(), (System.nanoTime() - start) / 1e9);
        Shutdown.onSignal(running, Optional.empty());
        Shutdown.awaitSignal();
        return 0;
    }
}
