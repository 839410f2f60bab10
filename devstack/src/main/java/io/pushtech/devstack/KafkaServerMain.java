package io.pushtech.devstack;

import kafka.tools.StorageTool;

/**
 * The main class of the Kafka broker's child JVM: formats the log directory with Kafka's storage tool when a
 * cluster id is given, then runs {@code kafka.Kafka}. Formatting in the broker's own JVM spares the start of a
 * second JVM (about 2 s on two cores) the first time a data directory is used.
 * <p>
 * Arguments: {@code <server.properties> [<cluster id to format with>]}.
 */
public final class KafkaServerMain {

    private KafkaServerMain() {}

    public static void main(String[] args) {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: KafkaServerMain <server.properties> [<cluster id to format with>]");
            System.exit(2);
        }
        String serverProperties = args[0];
        if (args.length == 2) {
            int exitCode =
                    StorageTool.execute(new String[] {"format", "-t", args[1], "-c", serverProperties}, System.out);
            if (exitCode != 0) {
                System.err.println("kafka storage format failed with exit code " + exitCode);
                System.exit(exitCode);
            }
        }
        kafka.Kafka.main(new String[] {serverProperties});
    }
}
