package io.pushtech.platform;

import io.pushtech.common.config.Settings;

/** Entry point of the {@code pushtech} command. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        int code = new CommandLine(System.out, System.err, Settings.fromEnvironment()).run(args);
        System.exit(code);
    }
}
