package io.pushtech.platform.bench;

import io.pushtech.common.Streams;
import io.pushtech.common.config.Settings;
import io.pushtech.common.event.TrackingEvent;
import io.pushtech.kafkastore.KafkastoreSettings;
import io.pushtech.kafkastore.domain.DeviceDetector;
import io.pushtech.kafkastore.domain.Enricher;
import io.pushtech.kafkastore.domain.EventTranslator;
import io.pushtech.kafkastore.domain.GeoLocator;
import io.pushtech.kafkastore.domain.GeoStep;
import io.pushtech.kafkastore.domain.IpAnonymizer;
import io.pushtech.kafkastore.domain.OutgoingRecord;
import io.pushtech.kafkastore.domain.PropertyFilter;
import io.pushtech.kafkastore.infra.MaxMindGeoLocator;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * JMH benchmark of kafkastore's per-event step (parse, validate, enrich, serialize) on stream entries of realistic
 * events, with full enrichment and without GeoIP and device detection. Scores are events per second.
 */
@State(Scope.Thread)
public class EnrichmentJmh {

    /** Entries as the tracker writes them under load: a JSON array of events. */
    private static final int EVENTS_PER_ENTRY = 20;

    private static final int ENTRIES = 256;

    private MaxMindGeoLocator geoip;
    private EventTranslator full;
    private EventTranslator passThrough;
    private List<Map<String, String>> entries;
    private int next;

    /** Throughputs in events per second. */
    record Result(double enrichedPerSecond, double passThroughPerSecond) {}

    @Setup(Level.Trial)
    public void setUp() {
        geoip = MaxMindGeoLocator.open(
                KafkastoreSettings.GEOIP_DATABASE.from(Settings.fromEnvironment()),
                KafkastoreSettings.GEOIP_DATABASE.name(),
                KafkastoreSettings.GEOIP_ENABLED.name());
        IpAnonymizer anonymizer = new IpAnonymizer(24, 48);
        PropertyFilter filter = new PropertyFilter(Set.of("email", "phone"), PropertyFilter.Action.DROP);
        full = new EventTranslator(
                new Enricher(new GeoStep(geoip, 100_000), Optional.of(new DeviceDetector(10_000)), anonymizer, filter));
        passThrough = new EventTranslator(
                new Enricher(new GeoStep(GeoLocator.none(), 1), Optional.empty(), anonymizer, filter));
        RealisticEvents events = new RealisticEvents();
        entries = new ArrayList<>(ENTRIES);
        for (int i = 0; i < ENTRIES; i++) {
            List<TrackingEvent> entry = new ArrayList<>(EVENTS_PER_ENTRY);
            for (int j = 0; j < EVENTS_PER_ENTRY; j++) {
                entry.add(events.next());
            }
            entries.add(Map.of(Streams.EVENTS_FIELD, RealisticEvents.entry(entry)));
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        geoip.close();
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_ENTRY)
    public List<OutgoingRecord> fullEnrichment() {
        return full.translate("1-0", entries.get(next++ & (ENTRIES - 1)));
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS_PER_ENTRY)
    public List<OutgoingRecord> withoutGeoIpAndDevice() {
        return passThrough.translate("1-0", entries.get(next++ & (ENTRIES - 1)));
    }

    static Result run(PrintStream progress) throws Exception {
        progress.println("running the JMH benchmark of the enrichment step ...");
        var options = new OptionsBuilder()
                .include(EnrichmentJmh.class.getName())
                .forks(1)
                .jvmArgs("-Xmx512m")
                .warmupIterations(2)
                .warmupTime(TimeValue.seconds(2))
                .measurementIterations(3)
                .measurementTime(TimeValue.seconds(2))
                .timeUnit(TimeUnit.SECONDS)
                .build();
        double fullRate = 0;
        double passRate = 0;
        // JMH's progress goes to stderr with the other progress lines: stdout carries only the table.
        var jmhOutput = OutputFormatFactory.createFormatInstance(progress, VerboseMode.NORMAL);
        for (RunResult result : new Runner(options, jmhOutput).run()) {
            double score = result.getPrimaryResult().getScore();
            if (result.getParams().getBenchmark().endsWith("fullEnrichment")) {
                fullRate = score;
            } else {
                passRate = score;
            }
        }
        return new Result(fullRate, passRate);
    }
}
