package io.pushtech.kafkastore;

import io.pushtech.common.Namespace;
import io.pushtech.common.config.CommonSettings;
import io.pushtech.common.config.Settings;
import io.pushtech.common.http.HttpEndpoint;
import io.pushtech.common.kafka.TopicSpecs;
import io.pushtech.kafkastore.domain.PropertyFilter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** kafkastore's configuration, read once from the settings. */
public record KafkastoreConfig(
        HttpEndpoint endpoint,
        List<String> redisUrls,
        String kafkaBootstrap,
        Namespace namespace,
        TopicSpecs topics,
        DrainerOptions drainer,
        String consumerName,
        int maxBodyBytes,
        Producer producer,
        Enrichment enrichment) {

    /** Producer tuning. */
    public record Producer(int lingerMs, int batchBytes, String compression) {}

    /**
     * Enrichment switches and privacy rules.
     *
     * @param geoipDatabase empty when GeoIP is turned off
     */
    public record Enrichment(
            Optional<Path> geoipDatabase,
            int geoipCacheSize,
            boolean deviceDetection,
            int userAgentCacheSize,
            int ipv4PrefixBits,
            int ipv6PrefixBits,
            Set<String> deniedProps,
            PropertyFilter.Action deniedPropsAction) {}

    public static KafkastoreConfig from(Settings settings) {
        Namespace namespace = new Namespace(settings.get(CommonSettings.NAMESPACE));
        String consumer = settings.get(KafkastoreSettings.CONSUMER_NAME);
        return new KafkastoreConfig(
                new HttpEndpoint(
                        settings.get(CommonSettings.HTTP_HOST),
                        settings.get(KafkastoreSettings.PORT),
                        KafkastoreSettings.PORT.name()),
                redisUrls(settings),
                settings.get(CommonSettings.KAFKA_BOOTSTRAP),
                namespace,
                TopicSpecs.from(namespace, settings),
                new DrainerOptions(
                        settings.get(KafkastoreSettings.BATCH_SIZE),
                        settings.get(KafkastoreSettings.MAX_IN_FLIGHT_BATCHES),
                        Duration.ofMillis(settings.get(KafkastoreSettings.CLAIM_IDLE_MS)),
                        Duration.ofSeconds(150),
                        enrichThreads(settings.get(KafkastoreSettings.ENRICH_THREADS))),
                consumer.isEmpty() ? hostName() : consumer,
                settings.get(CommonSettings.HTTP_MAX_BODY_BYTES),
                new Producer(
                        settings.get(KafkastoreSettings.LINGER_MS),
                        settings.get(KafkastoreSettings.PRODUCER_BATCH_BYTES),
                        settings.get(KafkastoreSettings.COMPRESSION)),
                new Enrichment(
                        Boolean.parseBoolean(settings.get(KafkastoreSettings.GEOIP_ENABLED))
                                ? Optional.of(settings.get(KafkastoreSettings.GEOIP_DATABASE))
                                : Optional.empty(),
                        settings.get(KafkastoreSettings.GEOIP_CACHE),
                        Boolean.parseBoolean(settings.get(KafkastoreSettings.DEVICE_DETECTION)),
                        settings.get(KafkastoreSettings.USER_AGENT_CACHE),
                        settings.get(KafkastoreSettings.IPV4_PREFIX_BITS),
                        settings.get(KafkastoreSettings.IPV6_PREFIX_BITS),
                        list(settings.get(KafkastoreSettings.DENIED_PROPS)).stream()
                                .collect(Collectors.toUnmodifiableSet()),
                        PropertyFilter.Action.valueOf(settings.get(KafkastoreSettings.DENIED_PROPS_ACTION)
                                .toUpperCase(Locale.ROOT))));
    }

    private static List<String> redisUrls(Settings settings) {
        List<String> urls = list(settings.get(KafkastoreSettings.REDIS_URLS));
        return urls.isEmpty() ? List.of(settings.get(CommonSettings.REDIS_URL)) : urls;
    }

    private static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split(","))
                .map(String::strip)
                .filter(item -> !item.isEmpty())
                .toList();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "kafkastore";
        }
    }

    private static int enrichThreads(int configured) {
        return configured == 0 ? Runtime.getRuntime().availableProcessors() : configured;
    }
}
