package io.pushtech.storage.domain;

import io.pushtech.storage.domain.MatchEvent.Reason;
import io.pushtech.storage.domain.MatchEvent.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The match state of every search and offer: two S2 cell indexes of the live items, the pairs that
 * match now, and the incremental re-evaluation of an item's pairs on each create, update, move,
 * expiry and delete, which yields the match started / ended events. Not thread-safe: the caller
 * serializes access (one writer, readers under the same lock).
 */
public final class MatchEngine {

    private final Map<String, IndexedSearch> searches = new HashMap<>();
    private final Map<String, IndexedOffer> offers = new HashMap<>();
    private final CellIndex<IndexedSearch> searchIndex = new CellIndex<>();
    private final CellIndex<IndexedOffer> offerIndex = new CellIndex<>();
    private final Map<String, Set<String>> searchesByOwner = new HashMap<>();
    private final Map<String, Set<String>> offersByOwner = new HashMap<>();
    private final TreeSet<Expiry> expiries = new TreeSet<>();
    private final PairStates pairs = new PairStates();

    /** A search with its terms and normalized category, worked out once rather than per candidate. */
    private record IndexedSearch(Search search, Set<String> terms, Optional<String> category) {
        IndexedSearch(Search search) {
            this(search, search.terms(), search.category().map(MatchEngine::normalizedCategory));
        }

        long tags() {
            return TermSignature.of(terms, category);
        }
    }

    private record IndexedOffer(Offer offer, Set<String> terms, String category) {
        IndexedOffer(Offer offer) {
            this(offer, offer.terms(), normalizedCategory(offer.category()));
        }

        long tags() {
            return TermSignature.of(terms, Optional.of(category));
        }
    }

    private record Expiry(Instant at, boolean search, String id) implements Comparable<Expiry> {
        @Override
        public int compareTo(Expiry o) {
            int byTime = at.compareTo(o.at);
            return byTime != 0 ? byTime : (search + id).compareTo(o.search + o.id);
        }
    }

    public Optional<Search> search(String id) {
        return Optional.ofNullable(searches.get(id)).map(IndexedSearch::search);
    }

    public Optional<Offer> offer(String id) {
        return Optional.ofNullable(offers.get(id)).map(IndexedOffer::offer);
    }

    /** Whether {@code search} is newer than what the engine holds (a stale change is ignored). */
    public boolean isNewer(Search search) {
        return search(search.id()).map(s -> search.version() > s.version()).orElse(true);
    }

    public boolean isNewer(Offer offer) {
        return offer(offer.id()).map(o -> offer.version() > o.version()).orElse(true);
    }

    /** Creates, updates or moves a search; answers the match events it causes (none when stale). */
    public List<MatchEvent> apply(Search search, Reason reason, Instant now) {
        if (!isNewer(search)) {
            return List.of();
        }
        IndexedSearch entry = index(search, now);
        List<MatchEvent> events = new ArrayList<>();
        evaluate(entry, search.isLive(now), reason, events);
        return events;
    }

    /** Creates, updates or moves an offer; answers the match events it causes (none when stale). */
    public List<MatchEvent> apply(Offer offer, Reason reason, Instant now) {
        if (!isNewer(offer)) {
            return List.of();
        }
        IndexedOffer entry = index(offer, now);
        List<MatchEvent> events = new ArrayList<>();
        evaluate(entry, offer.isLive(now), reason, events);
        return events;
    }

    /**
     * Takes a stored search as it is, without evaluating its pairs (at start, before any change is
     * applied; the stored pair states say which pairs match). One that expired meanwhile is ended by the
     * next {@link #expire}.
     */
    public void restore(Search search, Instant now) {
        index(search, now);
    }

    /** Takes a stored offer as it is, like {@link #restore(Search, Instant)}. */
    public void restore(Offer offer, Instant now) {
        index(offer, now);
    }

    /** Takes a stored pair state as it is (at start, before any change is applied). */
    public void restore(PairState pair) {
        pairs.restore(pair);
    }

    /** After a silent rebuild from the log: continues each stored pair's sequence (see {@link PairStates}). */
    public void continueSequences(Iterable<PairState> stored) {
        stored.forEach(pairs::continueFrom);
    }

    /** The pairs whose state changed since the last call, to be stored. */
    public Collection<PairState> drainPairChanges() {
        return pairs.drainChanges();
    }

    /** Every pair ever seen, as it is now. */
    public List<PairState> pairStates() {
        return pairs.all();
    }

    private IndexedSearch index(Search search, Instant now) {
        IndexedSearch entry = new IndexedSearch(search);
        searches.put(search.id(), entry);
        searchesByOwner.computeIfAbsent(search.ownerId(), o -> new HashSet<>()).add(search.id());
        search.expiresAt().ifPresent(at -> expiries.add(new Expiry(at, true, search.id())));
        if (search.isLive(now)) {
            searchIndex.put(search.id(), entry, search.region().center(), entry.tags());
        } else {
            searchIndex.remove(search.id());
        }
        return entry;
    }

    private IndexedOffer index(Offer offer, Instant now) {
        IndexedOffer entry = new IndexedOffer(offer);
        offers.put(offer.id(), entry);
        offersByOwner.computeIfAbsent(offer.ownerId(), o -> new HashSet<>()).add(offer.id());
        offer.expiresAt().ifPresent(at -> expiries.add(new Expiry(at, false, offer.id())));
        if (offer.isLive(now)) {
            offerIndex.put(offer.id(), entry, offer.region().center(), entry.tags());
        } else {
            offerIndex.remove(offer.id());
        }
        return entry;
    }

    /** Deletes a search: all its matches end. */
    public List<MatchEvent> removeSearch(String id) {
        IndexedSearch entry = searches.remove(id);
        if (entry == null) {
            return List.of();
        }
        searchIndex.remove(id);
        searchesByOwner.getOrDefault(entry.search.ownerId(), new HashSet<>()).remove(id);
        List<MatchEvent> events = new ArrayList<>();
        evaluate(entry, false, Reason.DELETED, events);
        return events;
    }

    /** Deletes an offer: all its matches end. */
    public List<MatchEvent> removeOffer(String id) {
        IndexedOffer entry = offers.remove(id);
        if (entry == null) {
            return List.of();
        }
        offerIndex.remove(id);
        offersByOwner.getOrDefault(entry.offer.ownerId(), new HashSet<>()).remove(id);
        List<MatchEvent> events = new ArrayList<>();
        evaluate(entry, false, Reason.DELETED, events);
        return events;
    }

    /** Takes out of the index every item expired at {@code now}: all their matches end. */
    public List<MatchEvent> expire(Instant now) {
        List<MatchEvent> events = new ArrayList<>();
        while (!expiries.isEmpty() && !expiries.first().at().isAfter(now)) {
            Expiry expiry = expiries.pollFirst();
            if (expiry.search()) {
                IndexedSearch entry = searches.get(expiry.id());
                if (entry != null && !entry.search.isLive(now)) {
                    searchIndex.remove(expiry.id());
                    evaluate(entry, false, Reason.EXPIRED, events);
                }
            } else {
                IndexedOffer entry = offers.get(expiry.id());
                if (entry != null && !entry.offer.isLive(now)) {
                    offerIndex.remove(expiry.id());
                    evaluate(entry, false, Reason.EXPIRED, events);
                }
            }
        }
        return events;
    }

    /** The live searches and offers of an owner that follow the owner's location. */
    public List<Search> searchesFollowing(String ownerId) {
        return searchesByOwner.getOrDefault(ownerId, Set.of()).stream()
                .map(id -> searches.get(id).search)
                .filter(Search::followsOwner)
                .toList();
    }

    public List<Offer> offersFollowing(String ownerId) {
        return offersByOwner.getOrDefault(ownerId, Set.of()).stream()
                .map(id -> offers.get(id).offer)
                .filter(Offer::followsOwner)
                .toList();
    }

    public List<CurrentMatch> matchesOfSearch(String searchId) {
        return pairs.offersOf(searchId).entrySet().stream()
                .map(e -> new CurrentMatch(searchId, e.getKey(), e.getValue()))
                .sorted(Comparator.comparingDouble(CurrentMatch::distance).thenComparing(CurrentMatch::offerId))
                .toList();
    }

    public List<CurrentMatch> matchesOfOffer(String offerId) {
        return pairs.searchesOf(offerId).stream()
                .map(searchId -> new CurrentMatch(
                        searchId, offerId, pairs.offersOf(searchId).get(offerId)))
                .sorted(Comparator.comparingDouble(CurrentMatch::distance).thenComparing(CurrentMatch::searchId))
                .toList();
    }

    /** Live offers near a point satisfying the query's terms and category, nearest first. */
    public List<Nearby<Offer>> offersNear(NearbyQuery query) {
        Optional<String> category = query.category().map(Keywords::normalized);
        long wanted = TermSignature.of(query.terms(), category);
        return offerIndex
                .nearest(
                        query,
                        tags -> TermSignature.within(wanted, tags),
                        o -> MatchRule.satisfies(query.terms(), category, o.terms, o.category))
                .stream()
                .map(hit -> new Nearby<>(hit.item().offer, hit.distance()))
                .toList();
    }

    /** Live searches near a point whose keywords and category contain every query term, nearest first. */
    public List<Nearby<Search>> searchesNear(NearbyQuery query) {
        Optional<String> category = query.category().map(Keywords::normalized);
        return searchIndex.nearest(query, tags -> true, s -> mentions(s, query.terms(), category)).stream()
                .map(hit -> new Nearby<>(hit.item().search, hit.distance()))
                .toList();
    }

    /** Items indexed (live) and pairs ever seen, for metrics. */
    public int indexedItems() {
        return searchIndex.size() + offerIndex.size();
    }

    /** The search's keywords and category words hold every term, and its category is the given one if any. */
    private static boolean mentions(IndexedSearch s, Set<String> terms, Optional<String> category) {
        if (category.isPresent() && !category.equals(s.category)) {
            return false;
        }
        for (String term : terms) {
            if (!s.terms.contains(term)
                    && !s.category
                            .map(c -> List.of(c.split(" ")).contains(term))
                            .orElse(false)) {
                return false;
            }
        }
        return true;
    }

    /** Few distinct categories: their normalized forms are shared rather than held per item. */
    private static String normalizedCategory(String category) {
        return Keywords.normalized(category).intern();
    }

    private void evaluate(IndexedSearch s, boolean live, Reason reason, List<MatchEvent> events) {
        Set<String> seen = new HashSet<>();
        if (live) {
            double reach = s.search.region().radius();
            long wanted = s.tags();
            for (var hit : offerIndex.candidates(
                    s.search.region().center(),
                    reach + MatchRule.hysteresis(reach),
                    tags -> TermSignature.within(wanted, tags),
                    o -> keywordsMatch(s, o))) {
                seen.add(hit.id());
                decide(s, hit.item(), hit.distance(), true, reason, events);
            }
        }
        for (String offerId : List.copyOf(pairs.offersOf(s.search.id()).keySet())) {
            IndexedOffer o = offers.get(offerId);
            // A stored pair can name an item not restored yet (its change is re-read from the log).
            if (seen.add(offerId) && o != null) {
                decide(s, o, s.search.region().distanceTo(o.offer.region()), false, reason, events);
            }
        }
    }

    private void evaluate(IndexedOffer o, boolean live, Reason reason, List<MatchEvent> events) {
        Set<String> seen = new HashSet<>();
        if (live) {
            double reach = o.offer.region().radius();
            long offered = o.tags();
            for (var hit : searchIndex.candidates(
                    o.offer.region().center(),
                    reach + MatchRule.hysteresis(reach),
                    tags -> TermSignature.within(tags, offered),
                    s -> keywordsMatch(s, o))) {
                seen.add(hit.id());
                decide(hit.item(), o, hit.distance(), true, reason, events);
            }
        }
        for (String searchId : List.copyOf(pairs.searchesOf(o.offer.id()))) {
            IndexedSearch s = searches.get(searchId);
            if (seen.add(searchId) && s != null) {
                decide(s, o, s.search.region().distanceTo(o.offer.region()), false, reason, events);
            }
        }
    }

    /** Pairs that fail this cannot match; those that matched before are ended by the caller's second pass. */
    private static boolean keywordsMatch(IndexedSearch s, IndexedOffer o) {
        return MatchRule.satisfies(s.terms, s.category, o.terms, o.category);
    }

    private void decide(
            IndexedSearch s, IndexedOffer o, double distance, boolean bothLive, Reason reason, List<MatchEvent> out) {
        Search search = s.search;
        Offer offer = o.offer;
        boolean was = pairs.matched(search.id(), offer.id());
        double rs = search.region().radius();
        double ro = offer.region().radius();
        boolean now = bothLive
                && keywordsMatch(s, o)
                && (was ? MatchRule.stays(distance, rs, ro) : MatchRule.starts(distance, rs, ro));
        if (now && !was) {
            long sequence = pairs.start(search.id(), offer.id(), distance);
            out.add(event(Type.STARTED, search, offer, distance, reason, sequence));
        } else if (!now && was) {
            long sequence = pairs.end(search.id(), offer.id());
            out.add(event(Type.ENDED, search, offer, distance, reason, sequence));
        } else if (now) {
            pairs.updateDistance(search.id(), offer.id(), distance);
        }
    }

    private static MatchEvent event(Type type, Search s, Offer o, double distance, Reason reason, long sequence) {
        return new MatchEvent(type, s, o, distance, reason, sequence);
    }
}
