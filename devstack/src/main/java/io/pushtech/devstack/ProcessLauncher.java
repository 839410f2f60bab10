package io.pushtech.devstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spawns the stack's child processes so that they never outlive this JVM: on Linux each child runs in its own
 * session ({@code setsid}, so a terminal's Ctrl-C reaches only this JVM, which then stops the children in
 * order) with a parent-death signal of SIGKILL ({@code setpriv --pdeathsig KILL}, so a killed JVM takes its
 * children with it). Stopping them gracefully is their owner's job ({@link DevStack#close()}, also on JVM exit):
 * a second, concurrent shutdown hook here would stop Kafka and Redis under the services still using them.
 * <p>
 * Linux sends the parent-death signal when the <em>thread</em> that forked the child ends, not the process, so
 * every child is forked from one dedicated daemon thread that lives as long as the JVM; this is why the
 * launcher is JVM-wide state rather than an object per stack. Safe to call from any thread.
 */
final class ProcessLauncher {

    private static final Logger LOGGER = LoggerFactory.getLogger(ProcessLauncher.class);

    // A task that throws inside execute() would end the pool's thread (and SIGKILL every child forked from
    // it); submit() keeps the exception in the Future, so the one thread lives until the JVM exits.
    private static final ExecutorService SPAWNER = Executors.newSingleThreadExecutor(ProcessLauncher::spawnerThread);
    private static final List<String> PREFIX = detectPrefix();

    private ProcessLauncher() {}

    /**
     * Starts {@code command} with its stdout and stderr going to {@code logFile} (appended to, or truncated
     * first when {@code append} is false).
     */
    static ChildProcess launch(String name, List<String> command, Path logFile, boolean append) {
        try {
            Files.createDirectories(logFile.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> fullCommand = new ArrayList<>(PREFIX);
        fullCommand.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(fullCommand)
                .redirectErrorStream(true)
                .redirectOutput(append ? Redirect.appendTo(logFile.toFile()) : Redirect.to(logFile.toFile()))
                .redirectInput(Redirect.from(new File("/dev/null")));
        Future<Process> spawned = SPAWNER.submit(builder::start);
        Process process;
        try {
            process = spawned.get();
        } catch (ExecutionException e) {
            throw new DevStackException(
                    name + " could not be started: " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DevStackException(name + " start was interrupted", e);
        }
        ChildProcess child = new ChildProcess(name, process, logFile);
        LOGGER.atDebug()
                .addKeyValue("process", name)
                .addKeyValue("pid", process.pid())
                .log("child process started");
        return child;
    }

    private static Thread spawnerThread(Runnable runnable) {
        Thread thread = new Thread(runnable, "devstack-process-spawner");
        thread.setDaemon(true);
        return thread;
    }

    private static List<String> detectPrefix() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) {
            return List.of();
        }
        Optional<Path> setsid = onPath("setsid");
        Optional<Path> setpriv = onPath("setpriv");
        List<String> prefix = new ArrayList<>();
        // setsid execs in place (a freshly spawned child is no process-group leader), so the pid we get is
        // the final program's and its parent-death signal still points at this JVM's spawner thread.
        setsid.ifPresentOrElse(path -> prefix.add(path.toString()), () -> LOGGER.atWarn()
                .log("setsid not found: a Ctrl-C in the terminal also reaches the stack's child processes"));
        setpriv.ifPresentOrElse(
                path -> prefix.addAll(List.of(path.toString(), "--pdeathsig", "KILL", "--")),
                () -> LOGGER.atWarn().log("setpriv not found: child processes may outlive this JVM if it is killed"));
        return List.copyOf(prefix);
    }

    /** The first executable named {@code program} on the PATH. */
    static Optional<Path> onPath(String program) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("/usr/bin:/bin");
        return Stream.of(path.split(File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(dir -> Path.of(dir, program))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
