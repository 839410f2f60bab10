package io.pushtech.common;

import java.util.regex.Pattern;

/**
 * Separates installations (and test classes) sharing one Kafka, Redis and MongoDB: it prefixes topic
 * names, Redis keys and the database name. The empty namespace leaves names as they are.
 */
public record Namespace(String value) {

    private static final Pattern VALID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
    private static final String DATABASE = "pushtech";

    public Namespace {
        if (!value.isEmpty() && !VALID.matcher(value).matches()) {
            throw new IllegalArgumentException("a namespace is up to 40 of [a-z0-9-], starting with a letter or digit");
        }
    }

    public static Namespace none() {
        return new Namespace("");
    }

    public String topic(String name) {
        return value.isEmpty() ? name : value + "." + name;
    }

    public String redisKey(String name) {
        return value.isEmpty() ? name : value + ":" + name;
    }

    public String database() {
        return value.isEmpty() ? DATABASE : DATABASE + "-" + value;
    }

    /** Consumer group ids are namespaced like topics, so two installations never share offsets. */
    public String consumerGroup(String name) {
        return topic(name);
    }
}
