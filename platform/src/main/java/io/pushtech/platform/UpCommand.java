package io.pushtech.platform;

import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.pushtech.common.service.RunningServices;
import io.pushtech.devstack.DevStack;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * {@code pushtech up}: the development stack (unless external servers are configured) and every service
 * in this JVM, until SIGINT or SIGTERM stops them, services first.
 */
final class UpCommand {

    private final PrintStream out;
    private final Settings settings;

    UpCommand(PrintStream out, Settings settings) {
        this.out = out;
        this.settings = settings;
    }

    int run(boolean externalFlag) throws Exception {
        long start = System.nanoTime();
        PortCheck.requireFree(Services.all(), settings);
        Path dataDir = settings.get(CommonSettings.DATA_DIR).toAbsolutePath();
        Optional<DevStack> stack = EmbeddedStack.externalRequested(settings, externalFlag)
                ? Optional.empty()
                : Optional.of(EmbeddedStack.start(settings, dataDir));
        try {
            Settings effective = settings.with(
                            stack.map(EmbeddedStack::addressesOf).orElse(Map.of()))
                    .with(Map.of(CommonSettings.JWT_SECRET.name(), DevSecrets.jwtSecret(settings, dataDir)));
            Addresses.printInfrastructure(out, effective);
            RunningServices services = RunningServices.start(Services.all(), effective);
            Addresses.printServices(out, services.services());
            out.printf(
                    "pushtech up in %.1f s%s; data in %s; Ctrl-C stops everything%n",
                    (System.nanoTime() - start) / 1e9,
                    stack.map(s -> String.format(
                                    " (stack %.1f s)", s.startupTime().toMillis() / 1e3))
                            .orElse(""),
                    stack.isPresent() ? dataDir : "external servers");
            Shutdown.onSignal(services, stack);
        } catch (Exception e) {
            stack.ifPresent(DevStack::close);
            throw e;
        }
        Shutdown.awaitSignal();
        return 0;
    }
}
