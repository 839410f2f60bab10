package io.pushtech.tracker.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pushtech.common.Json;
import io.pushtech.tracker.domain.CompiledSchema.Verdict;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The compiled schema against the networknt validator, the reference, on the same schema file. */
class EventSchemaTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final EventSchema SCHEMA = EventSchema.load();
    private static final CompiledSchema COMPILED = compiled();

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void compiledSchemaNeverContradictsTheReference(long seed) {
        // Given
        List<JsonNode> events = new RandomEvents(new Random(seed)).take(4_000);

        // When
        List<String> contradictions = new ArrayList<>();
        for (JsonNode event : events) {
            Verdict verdict = COMPILED.check(event);
            boolean valid = SCHEMA.reference(event).isEmpty();
            if (verdict == Verdict.VALID && !valid || verdict == Verdict.INVALID && valid) {
                contradictions.add(verdict + " " + event);
            }
        }

        // Then
        assertThat(contradictions).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void checkNamesTheSameReasonAsTheReference(long seed) {
        // Given
        List<JsonNode> events = new RandomEvents(new Random(seed)).take(4_000);

        // When / Then
        for (JsonNode event : events) {
            assertThat(SCHEMA.check(event)).as("%s", event).isEqualTo(SCHEMA.reference(event));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void compiledSchemaClearsValidEventsWithoutTheReference(long seed) {
        // Given valid events as a request body parses, except times such as 1.0 (which the compiled schema leaves open)
        List<JsonNode> valid = new RandomEvents(new Random(seed))
                .take(4_000).stream()
                        .map(event -> Json.tree(Json.toBytes(event)))
                        .filter(event -> SCHEMA.reference(event).isEmpty())
                        .filter(event -> !event.path("ts").isFloatingPointNumber()
                                && !event.path("sentAt").isFloatingPointNumber())
                        .toList();

        // When
        List<JsonNode> notCleared = valid.stream()
                .filter(event -> COMPILED.check(event) != Verdict.VALID)
                .toList();

        // Then
        assertThat(valid.size()).isGreaterThan(500);
        assertThat(notCleared).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "{'type':'location','deviceId':'d1','lat':91,'lng':1}",
                "{'type':'location','deviceId':'d1','lat':1,'lng':-180.5}",
                "{'type':'location','deviceId':'d1','lat':'north','lng':1}",
                "{'type':'location','deviceId':'d1'}",
                "{'type':'view','deviceId':'d1','lat':1}",
                "{'type':'view'}",
                "{'deviceId':'d1'}",
                "{'type':'view','deviceId':'d1','color':'red'}",
                "{'type':'<script>','deviceId':'d1'}",
                "{'type':'view','deviceId':'d 1'}",
                "{'type':'view','deviceId':'d1','eventId':'not-a-uuid'}",
                "{'type':'view','deviceId':'d1','props':[1,2]}",
                "{'type':'view','deviceId':42}",
                "{'type':'location','deviceId':'d','lat':-90.5,'lng':0}",
                "{'type':'view','deviceId':'d','isAdmin':true}",
                "{'type':'view','deviceId':'d1\\n'}",
                "{'type':'view','deviceId':'d1','ts':1.0}",
                "{'type':'view','deviceId':'d1','ts':1795427940000.5}",
                "{'type':'location','deviceId':'d1','lat':1e400,'lng':0}",
                "{'type':'location','deviceId':'d1','lat':90,'lng':180,'accuracy':1000000}",
                "{'type':'location','deviceId':'d1','lat':1,'lng':1,'accuracy':100000000000000000000000}",
            })
    void badInputTableGetsTheReferencesAnswer(String singleQuoted) {
        // Given
        JsonNode event = Json.tree(singleQuoted.replace('\'', '"').getBytes(StandardCharsets.UTF_8));

        // When
        Optional<Rejection> checked = SCHEMA.check(event);

        // Then
        assertThat(checked).isEqualTo(SCHEMA.reference(event));
    }

    @Test
    void refusesASchemaWithAKeywordItDoesNotKnow() {
        // Given
        JsonNode schema = Json.tree("{\"type\":\"object\",\"oneOf\":[]}".getBytes(StandardCharsets.UTF_8));

        // When / Then
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> CompiledSchema.compile(schema))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("oneOf");
    }

    private static CompiledSchema compiled() {
        try (var in = EventSchema.class.getResourceAsStream(EventSchema.RESOURCE)) {
            return CompiledSchema.compile(Json.tree(in.readAllBytes()));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Events near the schema's limits: mostly valid, each field sometimes missing, mistyped or out of bounds. */
    private static final class RandomEvents {
        private static final String NAME_CHARS = "AZaz09_.-";
        private static final String ID_CHARS = "Az9_.:@-";
        private static final String ODD_CHARS = " <é\u00a0/\uD83D\uDE00";

        private final Random random;

        RandomEvents(Random random) {
            this.random = random;
        }

        List<JsonNode> take(int count) {
            List<JsonNode> events = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                events.add(event());
            }
            return events;
        }

        private JsonNode event() {
            ObjectNode event = NODES.objectNode();
            maybe(event, "type", 0.95, () -> chance(0.4) ? NODES.textNode("location") : text(NAME_CHARS, 64));
            maybe(event, "deviceId", 0.7, () -> text(ID_CHARS, 128));
            maybe(event, "userId", 0.4, () -> text(ID_CHARS, 128));
            maybe(event, "eventId", 0.2, this::eventId);
            boolean located = chance(0.6);
            maybe(event, "lat", located ? 0.97 : 0.05, () -> number(90));
            maybe(event, "lng", located ? 0.97 : 0.05, () -> number(180));
            maybe(event, "accuracy", 0.3, () -> number(1_000_000));
            maybe(event, "ts", 0.3, this::time);
            maybe(event, "sentAt", 0.1, this::time);
            maybe(event, "props", 0.5, this::props);
            maybe(event, pick("color", "isAdmin", "Type", "props2"), 0.03, () -> NODES.textNode("x"));
            return event;
        }

        private void maybe(
                ObjectNode event, String field, double probability, java.util.function.Supplier<JsonNode> value) {
            if (chance(probability)) {
                event.set(field, chance(0.03) ? wrongType() : value.get());
            }
        }

        private JsonNode text(String alphabet, int maxLength) {
            int length = chance(0.05) ? maxLength + random.nextInt(3) - 1 : 1 + random.nextInt(Math.min(maxLength, 20));
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (chance(0.04)) {
                text.insert(
                        random.nextInt(text.length() + 1), ODD_CHARS.charAt(random.nextInt(ODD_CHARS.length() - 1)));
            }
            return NODES.textNode(chance(0.01) ? "" : text.toString());
        }

        private JsonNode eventId() {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            id = chance(0.5) ? id.toUpperCase() : id;
            return NODES.textNode(chance(0.1) ? id.substring(1) : id);
        }

        /** Inside the bounds mostly; on them, just outside them, and in every numeric representation. */
        private JsonNode number(int bound) {
            return switch (random.nextInt(10)) {
                case 0 -> NODES.numberNode(chance(0.5) ? bound : -bound);
                case 1 -> NODES.numberNode(Math.nextUp((double) bound));
                case 2 -> NODES.numberNode(-bound - 0.5);
                case 3 -> NODES.numberNode(random.nextInt(2 * bound + 3) - bound - 1);
                case 4 -> NODES.numberNode(BigInteger.TEN.pow(random.nextInt(30)));
                case 5 -> NODES.numberNode(new BigDecimal("1." + random.nextInt(1000)));
                case 6 -> NODES.numberNode((long) bound * random.nextInt(3));
                default -> NODES.numberNode((random.nextDouble() * 2 - 1) * bound * 1.01);
            };
        }

        private JsonNode time() {
            return switch (random.nextInt(5)) {
                case 0 -> NODES.numberNode(1_795_427_940_000L);
                case 1 -> NODES.textNode("2026-11-23T10:00:00Z");
                case 2 -> NODES.numberNode(1_795_427_940_000.0);
                case 3 -> NODES.numberNode(random.nextInt());
                default -> text(NAME_CHARS, 30);
            };
        }

        private JsonNode props() {
            ObjectNode props = NODES.objectNode();
            int count = chance(0.1) ? 48 + random.nextInt(5) : random.nextInt(6);
            for (int i = 0; i < count; i++) {
                String name = chance(0.05) ? "n".repeat(63 + random.nextInt(3)) : "p" + i;
                if (chance(0.02)) {
                    name = "\uD83D\uDE00".repeat(33 + random.nextInt(2));
                }
                props.set(name, chance(0.2) ? NODES.objectNode().put("n", i) : text(NAME_CHARS, 30));
            }
            return props;
        }

        private JsonNode wrongType() {
            return switch (random.nextInt(5)) {
                case 0 -> NODES.nullNode();
                case 1 -> NODES.booleanNode(true);
                case 2 -> NODES.arrayNode().add(1);
                case 3 -> NODES.objectNode();
                default -> NODES.numberNode(7);
            };
        }

        private String pick(String... options) {
            return options[random.nextInt(options.length)];
        }

        private boolean chance(double probability) {
            return random.nextDouble() < probability;
        }
    }
}
