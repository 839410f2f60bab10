package io.pushtech.storage.domain;

import static io.pushtech.storage.domain.Items.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.pushtech.storage.domain.MatchEvent.Reason;
import io.pushtech.storage.domain.MatchEvent.Type;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The engine against a brute-force reference: thousands of searches and offers in a city, random
 * creates, moves, keyword changes and deletes of both kinds; after every step the engine's events must be
 * exactly the reference's pair changes, and nearby queries must equal a full scan.
 */
class MatchEnginePropertyTest {

    private static final String[] WORDS = {"bike", "lamp", "sofa", "chair", "piano", "red", "blue", "old"};
    private static final String[] CATEGORIES = {"bikes", "Bike", "BIKÉS", "misc", "Lamps"};
    private static final int ITEMS = 1500;
    private static final int STEPS = 6000;

    private final Random random = new Random(20261124L);
    private final MatchEngine engine = new MatchEngine();
    private final Map<String, Search> searches = new HashMap<>();
    private final Map<String, Offer> offers = new HashMap<>();
    private final Set<String> matched = new HashSet<>();
    private final Map<String, Set<String>> terms = new HashMap<>();
    private int started;

    @Test
    void eventsEqualBruteForcePairChanges() {
        // Given
        for (int i = 0; i < ITEMS; i++) {
            step(randomSearch("s" + i, 1), Reason.CREATED);
            step(randomOffer("o" + i, 1), Reason.CREATED);
        }

        // When
        for (int i = 0; i < STEPS; i++) {
            randomStep();
        }

        // Then
        assertThat(started).isGreaterThan(ITEMS);
        assertThat(engine.indexedItems()).isEqualTo(searches.size() + offers.size());
        for (int i = 0; i < 50; i++) {
            NearbyQuery query = new NearbyQuery(
                    randomPoint(),
                    50 + random.nextDouble() * 3000,
                    Set.of(WORDS[random.nextInt(WORDS.length)]),
                    random.nextBoolean() ? Optional.of(category()) : Optional.empty(),
                    Optional.empty(),
                    100);
            assertThat(engine.offersNear(query).stream().map(n -> n.item().id()).toList())
                    .isEqualTo(bruteForceOffersNear(query));
            assertThat(engine.searchesNear(query).stream()
                            .map(n -> n.item().id())
                            .toList())
                    .isEqualTo(bruteForceSearchesNear(query));
        }
    }

    private void randomStep() {
        int action = random.nextInt(10);
        boolean onSearch = random.nextBoolean();
        String id = (onSearch ? "s" : "o") + random.nextInt(ITEMS);
        if (onSearch && searches.containsKey(id)) {
            Search s = searches.get(id);
            if (action < 6) {
                step(s.movedTo(nearby(s.region().center()), T0), Reason.MOVED);
            } else if (action < 8) {
                step(randomSearch(id, s.version() + 1), Reason.UPDATED);
            } else {
                remove(id, true);
            }
        } else if (!onSearch && offers.containsKey(id)) {
            Offer o = offers.get(id);
            if (action < 6) {
                step(o.movedTo(nearby(o.region().center()), T0), Reason.MOVED);
            } else if (action < 8) {
                step(randomOffer(id, o.version() + 1), Reason.UPDATED);
            } else {
                remove(id, false);
            }
        } else if (onSearch) {
            step(randomSearch(id, 1), Reason.CREATED);
        } else {
            step(randomOffer(id, 1), Reason.CREATED);
        }
    }

    private void step(Search s, Reason reason) {
        List<MatchEvent> events = engine.apply(s, reason, T0);
        searches.put(s.id(), s);
        terms.put(s.id(), s.terms());
        assertThat(changes(events))
                .isEqualTo(
                        reference(offers.values().stream().map(o -> pair(s, o)).toList()));
    }

    private void step(Offer o, Reason reason) {
        List<MatchEvent> events = engine.apply(o, reason, T0);
        offers.put(o.id(), o);
        terms.put(o.id(), o.terms());
        assertThat(changes(events))
                .isEqualTo(reference(
                        searches.values().stream().map(s -> pair(s, o)).toList()));
    }

    private void remove(String id, boolean search) {
        List<MatchEvent> events = search ? engine.removeSearch(id) : engine.removeOffer(id);
        Set<String> ended = new HashSet<>();
        matched.removeIf(key -> {
            boolean gone = key.startsWith(id + "|") || key.endsWith("|" + id);
            if (gone) {
                ended.add("ENDED " + key);
            }
            return gone;
        });
        (search ? searches : offers).remove(id);
        assertThat(changes(events)).isEqualTo(ended);
    }

    private record Pair(Search s, Offer o) {}

    private static Pair pair(Search s, Offer o) {
        return new Pair(s, o);
    }

    /** The reference: every pair of the changed item decided from scratch by the rule, with its history. */
    private Set<String> reference(List<Pair> pairs) {
        Set<String> changes = new HashSet<>();
        for (Pair p : pairs) {
            String key = p.s.id() + "|" + p.o.id();
            double distance = p.s.region().center().distanceTo(p.o.region().center());
            boolean was = matched.contains(key);
            double rs = p.s.region().radius();
            double ro = p.o.region().radius();
            boolean keywords = terms.get(p.o.id()).containsAll(terms.get(p.s.id()))
                    && p.s.category()
                            .map(c -> Keywords.normalized(c).equals(Keywords.normalized(p.o.category())))
                            .orElse(true);
            boolean now = keywords && (was ? MatchRule.stays(distance, rs, ro) : MatchRule.starts(distance, rs, ro));
            if (now != was) {
                changes.add((now ? "STARTED " : "ENDED ") + key);
                if (now) {
                    started++;
                    matched.add(key);
                } else {
                    matched.remove(key);
                }
            }
        }
        return changes;
    }

    private static Set<String> changes(List<MatchEvent> events) {
        Set<String> changes = new HashSet<>();
        for (MatchEvent e : events) {
            assertThat(changes.add((e.type() == Type.STARTED ? "STARTED " : "ENDED ") + e.pairKey()))
                    .isTrue();
        }
        return changes;
    }

    private List<String> bruteForceOffersNear(NearbyQuery query) {
        return offers.values().stream()
                .filter(o -> terms.get(o.id()).containsAll(query.terms()))
                .filter(o -> query.category()
                        .map(c -> Keywords.normalized(c).equals(Keywords.normalized(o.category())))
                        .orElse(true))
                .map(o -> new Nearby<>(o, query.center().distanceTo(o.region().center())))
                .filter(n -> n.distance() <= query.radius())
                .sorted(Comparator.<Nearby<Offer>>comparingDouble(Nearby::distance)
                        .thenComparing(n -> n.item().id()))
                .limit(query.limit())
                .map(n -> n.item().id())
                .toList();
    }

    /** Searches whose keywords and category words hold the query's terms, and of its category if any. */
    private List<String> bruteForceSearchesNear(NearbyQuery query) {
        return searches.values().stream()
                .filter(s -> {
                    Set<String> mentioned = new HashSet<>(terms.get(s.id()));
                    s.category().ifPresent(c -> mentioned.addAll(Keywords.terms(c)));
                    return mentioned.containsAll(query.terms());
                })
                .filter(s -> query.category()
                        .map(c -> s.category()
                                .map(sc -> Keywords.normalized(sc).equals(Keywords.normalized(c)))
                                .orElse(false))
                        .orElse(true))
                .map(s -> new Nearby<>(s, query.center().distanceTo(s.region().center())))
                .filter(n -> n.distance() <= query.radius())
                .sorted(Comparator.<Nearby<Search>>comparingDouble(Nearby::distance)
                        .thenComparing(n -> n.item().id()))
                .limit(query.limit())
                .map(n -> n.item().id())
                .toList();
    }

    private Search randomSearch(String id, long version) {
        GeoPoint p = randomPoint();
        return new Search(
                id,
                "u" + id,
                words(1 + random.nextInt(2)),
                random.nextInt(4) == 0 ? Optional.of(category()) : Optional.empty(),
                new Region(p, radius()),
                true,
                Optional.empty(),
                true,
                version,
                T0,
                T0);
    }

    private Offer randomOffer(String id, long version) {
        GeoPoint p = randomPoint();
        return new Offer(
                id,
                "u" + id,
                words(2 + random.nextInt(3)),
                "",
                category(),
                Optional.empty(),
                List.of(),
                new Region(p, radius()),
                false,
                Optional.empty(),
                version,
                T0,
                T0);
    }

    /** Categories that differ in case, accents and plural only, so some are equal once normalized. */
    private String category() {
        return CATEGORIES[random.nextInt(CATEGORIES.length)];
    }

    private String words(int n) {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            words.add(WORDS[random.nextInt(WORDS.length)]);
        }
        return String.join(" ", words);
    }

    private double radius() {
        return random.nextInt(4) == 0 ? 50 : 50 + random.nextDouble() * 2000;
    }

    private GeoPoint randomPoint() {
        return new GeoPoint(52.45 + random.nextDouble() * 0.1, 13.30 + random.nextDouble() * 0.2);
    }

    private GeoPoint nearby(GeoPoint p) {
        double lat = Math.max(-90, Math.min(90, p.lat() + (random.nextDouble() - 0.5) * 0.01));
        return new GeoPoint(lat, p.lng() + (random.nextDouble() - 0.5) * 0.01);
    }
}
