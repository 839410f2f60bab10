package io.pushtech.kafidx.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pushtech.common.http.ApiException;
import io.pushtech.kafidx.domain.StartPosition;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ViewerCommandTest {

    private static final List<String> TOPICS = List.of("events", "matches");

    @Test
    void watchNamesTopicsFilterAndStart() {
        // When
        ViewerCommand command = ViewerCommand.parse(
                "{\"op\":\"watch\",\"topics\":[\"events\",\"matches\",\"events\"],\"filter\":\"type=view\","
                        + "\"from\":{\"time\":\"2026-11-24T01:00:00Z\"}}",
                TOPICS);

        // Then
        assertThat(command)
                .isEqualTo(new ViewerCommand.Watch(
                        List.of("events", "matches"),
                        "type=view",
                        new StartPosition.AtTime(Instant.parse("2026-11-24T01:00:00Z"))));
    }

    @Test
    void watchFromAnOffsetMayNameAPartition() {
        // When
        ViewerCommand command = ViewerCommand.parse(
                "{\"op\":\"watch\",\"topics\":[\"events\"],\"from\":{\"offset\":120,\"partition\":1}}", TOPICS);

        // Then
        assertThat(((ViewerCommand.Watch) command).from())
                .isEqualTo(new StartPosition.AtOffset(OptionalInt.of(1), 120));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "not json|invalid_message",
                "[1,2]|invalid_message",
                "{\"op\":\"jump\"}|invalid_message",
                "{\"op\":\"watch\"}|invalid_message",
                "{\"op\":\"watch\",\"topics\":[\"secrets\"]}|unknown_topic",
                "{\"op\":\"watch\",\"topics\":[\"events\"],\"filter\":3}|invalid_filter",
                "{\"op\":\"watch\",\"topics\":[\"events\"],\"from\":\"yesterday\"}|invalid_position",
                "{\"op\":\"watch\",\"topics\":[\"events\"],\"from\":{\"time\":\"noon\"}}|invalid_position",
                "{\"op\":\"watch\",\"topics\":[\"events\"],\"from\":{\"offset\":-1}}|invalid_position",
                "{\"op\":\"watch\",\"topics\":[\"events\"],\"from\":{\"offset\":1,\"partition\":\"a\"}}|invalid_position",
                "{\"op\":\"watch\",\"topics\":[\"events\"],\"from\":{\"time\":\"1969-12-31T23:59:59Z\"}}|invalid_position",
                "{\"op\":\"watch\",\"topics\":[\"events\"],\"from\":{\"time\":\"+999999999-12-31T23:59:59Z\"}}|invalid_position",
                "{\"op\":\"watch\",\"topics\":[\"events\"],\"from\":{\"offset\":1.5}}|invalid_position",
                "{\"op\":\"watch\",\"topics\":[\"events\"],\"from\":{\"offset\":1e400}}|invalid_position",
                "{\"op\":\"watch\",\"topics\":[\"events\"],\"from\":{\"offset\":1,\"partition\":0.5}}|invalid_position"
            })
    void badMessagesAreRefusedWithACode(String message, String code) {
        // When / Then
        assertThatThrownBy(() -> ViewerCommand.parse(message, TOPICS))
                .isInstanceOf(ApiException.class)
                .extracting(e -> ((ApiException) e).code())
                .isEqualTo(code);
    }
}
