package io.pushtech.platform.bench;

import java.nio.file.Path;
import java.util.Arrays;

/** The floor of any start-up figure: how long this machine takes to start and stop a bare JVM. */
final class JvmStart {

    private static final int RUNS = 5;

    private JvmStart() {}

    /** Median of a few {@code java -version} runs, in seconds. */
    static double seconds() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        double[] runs = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder(java, "-version")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.waitFor();
            runs[i] = (System.nanoTime() - start) / 1e9;
        }
        Arrays.sort(runs);
        return runs[RUNS / 2];
    }
}
