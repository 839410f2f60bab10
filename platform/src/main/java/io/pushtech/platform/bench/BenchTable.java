package io.pushtech.platform.bench;

import java.util.ArrayList;
import java.util.List;

/** A benchmark's result: rows of measure, our figure, the reference measured in the same run, and the target. */
final class BenchTable {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();

    BenchTable(String title) {
        this.title = title;
    }

    BenchTable row(String measure, String pushtech, String reference, String target) {
        rows.add(new String[] {measure, pushtech, reference, target});
        return this;
    }

    String markdown() {
        StringBuilder md = new StringBuilder("### ")
                .append(title)
                .append("\n\n")
                .append("| measure | pushtech | reference (same run) | target |\n|---|---|---|---|\n");
        for (String[] row : rows) {
            md.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        return md.toString();
    }
}
