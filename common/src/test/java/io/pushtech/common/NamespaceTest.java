package io.pushtech.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NamespaceTest {

    @Test
    void emptyNamespaceKeepsNames() {
        // Given
        Namespace namespace = Namespace.none();

        // Then
        assertThat(namespace.topic("events")).isEqualTo("events");
        assertThat(namespace.redisKey("events")).isEqualTo("events");
        assertThat(namespace.database()).isEqualTo("pushtech");
    }

    @Test
    void namespacePrefixesTopicsKeysAndDatabase() {
        // Given
        Namespace namespace = new Namespace("staging");

        // Then
        assertThat(namespace.topic("events")).isEqualTo("staging.events");
        assertThat(namespace.redisKey("events")).isEqualTo("staging:events");
        assertThat(namespace.database()).isEqualTo("pushtech-staging");
    }

    @Test
    void rejectsNamespaceThatWouldBreakTopicOrDatabaseNames() {
        // When / Then
        assertThatThrownBy(() -> new Namespace("a/b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Namespace("Upper")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Namespace("x".repeat(41))).isInstanceOf(IllegalArgumentException.class);
    }
}
