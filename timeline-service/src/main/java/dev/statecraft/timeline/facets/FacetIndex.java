package dev.statecraft.timeline.facets;

import dev.statecraft.timeline.facets.FacetsRepository.Count;
import dev.statecraft.timeline.facets.FacetsRepository.Facets;
import dev.statecraft.timeline.query.Field;
import dev.statecraft.timeline.query.Filters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;

/**
 * The facet counts of the timeline held in memory, the way search engines count facets: every entry has an
 * ordinal, each facet value a sorted posting list of the ordinals that carry it, and a request's filters become
 * bitsets that are ANDed; a facet is then counted by walking the entries of its bitset (the filters minus its
 * own) and adding up their values. The counts with no filter at all are kept up to date on every change, so
 * the unfiltered sidebar costs nothing. Counts equal what {@link FacetsRepository}'s SQL gives for the same
 * rows (each array element counted, ties by value in code point order, months newest first).
 *
 * <p>Answers only filters it can evaluate exactly: country, kind, organisation and person (included and
 * excluded) and the publication-day range; anything else ({@code q}, location, publisher, mentioned dates)
 * is left to SQL. Thread-safe: many counting readers, one writer at a time.
 */
final class FacetIndex {
    /** The facets in {@link Facet} order; the first four are also filters with posting lists. */
    private static final Facet[] FACETS = Facet.values();
    private static final int MONTH = Facet.MONTH.ordinal();
    private static final int KIND = Facet.KIND.ordinal();
    private static final Comparator<String> CODE_POINT_ORDER = FacetIndex::compareCodePoints;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final Dictionary[] dictionaries = new Dictionary[FACETS.length];
    /** Per facet, per value id: the ordinals carrying it, ascending (month has none: days filter it). */
    private final List<List<IntList>> postings = new ArrayList<>();
    /** Per facet, per value id: the count with no filter, kept in step with every put. */
    private final long[][] unfiltered = new long[FACETS.length][];
    private int size;
    private int[] days = new int[1024];
    /** Per facet, per ordinal: the value ids (kind and month hold exactly one). */
    private final int[][][] values = new int[FACETS.length][1024][];
    /** Kind and month again as one flat array each: counting reads them without a pointer per entry. */
    private final int[][] single = new int[FACETS.length][];

    FacetIndex() {
        for (int f = 0; f < FACETS.length; f++) {
            dictionaries[f] = new Dictionary();
            postings.add(new ArrayList<>());
            unfiltered[f] = new long[16];
        }
        single[KIND] = new int[1024];
        single[MONTH] = new int[1024];
    }

    /** True when every filter in {@code f} is one this index evaluates. */
    static boolean supports(Filters f) {
        return f.q() == null && f.eventFrom() == null && f.eventTo() == null && dimensionsOnly(f.include())
                && dimensionsOnly(f.exclude());
    }

    private static boolean dimensionsOnly(Map<Field, List<String>> conditions) {
        return conditions.keySet().stream().allMatch(field -> facetOf(field) >= 0);
    }

    private static int facetOf(Field field) {
        for (Facet facet : FACETS) {
            if (facet.field() == field) {
                return facet.ordinal();
            }
        }
        return -1;
    }

    int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds the entry, or replaces what is held for its id (a newer revision). */
    void put(String id, String kind, Instant publishedAt, String[] countries, String[] organisations,
            String[] persons) {
        int day = (int) Math.floorDiv(publishedAt.getEpochSecond(), 86_400);
        LocalDate date = LocalDate.ofEpochDay(day);
        String month = String.format("%04d-%02d", date.getYear(), date.getMonthValue());
        String[][] byFacet = new String[FACETS.length][];
        byFacet[Facet.COUNTRY.ordinal()] = countries;
        byFacet[KIND] = new String[] {kind};
        byFacet[Facet.ORGANISATION.ordinal()] = organisations;
        byFacet[Facet.PERSON.ordinal()] = persons;
        byFacet[MONTH] = new String[] {month};
        lock.writeLock().lock();
        try {
            Integer known = ordinals.get(id);
            int ordinal = known == null ? size : known;
            if (known == null) {
                grow(size + 1);
                ordinals.put(id, ordinal);
                size++;
            }
            days[ordinal] = day;
            for (int f = 0; f < FACETS.length; f++) {
                int[] old = values[f][ordinal];
                if (old != null) {
                    for (int v : old) {
                        unfiltered[f][v]--;
                        if (f != MONTH) {
                            postings.get(f).get(v).remove(ordinal);
                        }
                    }
                }
                int[] ids = new int[byFacet[f].length];
                for (int i = 0; i < ids.length; i++) {
                    int v = dictionaries[f].id(byFacet[f][i]);
                    ids[i] = v;
                    if (v >= unfiltered[f].length) {
                        unfiltered[f] = Arrays.copyOf(unfiltered[f], Math.max(v + 1, unfiltered[f].length * 2));
                    }
                    unfiltered[f][v]++;
                    if (f != MONTH) {
                        while (postings.get(f).size() <= v) {
                            postings.get(f).add(new IntList());
                        }
                        postings.get(f).get(v).insert(ordinal);
                    }
                }
                values[f][ordinal] = ids;
                if (single[f] != null) {
                    single[f][ordinal] = ids[0];
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void grow(int capacity) {
        if (capacity > days.length) {
            int n = Math.max(capacity, days.length * 2);
            days = Arrays.copyOf(days, n);
            for (int f = 0; f < FACETS.length; f++) {
                values[f] = Arrays.copyOf(values[f], n);
                if (single[f] != null) {
                    single[f] = Arrays.copyOf(single[f], n);
                }
            }
        }
    }

    /** The counts for {@code filters}, which {@link #supports} must accept. */
    Facets count(Filters filters) {
        lock.readLock().lock();
        try {
            // Each facet's own condition as a bitset (null: no condition); the month's own is the day range.
            BitSet[] own = new BitSet[FACETS.length];
            for (int f = 0; f < FACETS.length; f++) {
                Field field = FACETS[f].field();
                if (field != null) {
                    own[f] = condition(f, filters.include().get(field), filters.exclude().get(field));
                }
            }
            own[MONTH] = dayRange(filters.from(), filters.toExclusive());
            BitSet all = intersection(own, -1);
            long total = all == null ? size : all.cardinality();
            long[][] counts = new long[FACETS.length][];
            // The facets without a condition of their own are all counted over the entries every condition
            // admits: one walk for all of them. Each facet with its own condition walks its own set.
            int[] unconstrained = IntStream.range(0, FACETS.length).filter(f -> own[f] == null)
                    .toArray();
            countOver(unconstrained, all, counts);
            for (int f = 0; f < FACETS.length; f++) {
                if (own[f] != null) {
                    countOver(new int[] {f}, intersection(own, f), counts);
                }
            }
            Map<String, List<Count>> facets = new LinkedHashMap<>();
            for (int f = 0; f < FACETS.length; f++) {
                facets.put(FACETS[f].name, top(f, counts[f]));
            }
            return new Facets(total, facets);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Entries that have any of {@code include} and none of {@code exclude}; null when both are absent. */
    private BitSet condition(int f, List<String> include, List<String> exclude) {
        if (include == null && exclude == null) {
            return null;
        }
        BitSet set = new BitSet(size);
        if (include == null) {
            set.set(0, size);
        } else {
            for (String value : include) {
                postingsOf(f, value).setAll(set);
            }
        }
        if (exclude != null) {
            for (String value : exclude) {
                postingsOf(f, value).clearAll(set);
            }
        }
        return set;
    }

    private IntList postingsOf(int f, String value) {
        int v = dictionaries[f].find(value);
        return v < 0 || v >= postings.get(f).size() ? IntList.EMPTY : postings.get(f).get(v);
    }

    /** published_at >= from and < toExclusive, both midnights UTC; null when neither bound is set. */
    private BitSet dayRange(Instant from, Instant toExclusive) {
        if (from == null && toExclusive == null) {
            return null;
        }
        long first = from == null ? Long.MIN_VALUE : Math.floorDiv(from.getEpochSecond(), 86_400);
        long end = toExclusive == null ? Long.MAX_VALUE : Math.floorDiv(toExclusive.getEpochSecond(), 86_400);
        BitSet set = new BitSet(size);
        for (int i = 0; i < size; i++) {
            if (days[i] >= first && days[i] < end) {
                set.set(i);
            }
        }
        return set;
    }

    /** AND of every condition except facet {@code skip}'s own; null when none applies. */
    private static BitSet intersection(BitSet[] own, int skip) {
        BitSet result = null;
        for (int f = 0; f < own.length; f++) {
            if (f == skip || own[f] == null) {
                continue;
            }
            if (result == null) {
                result = (BitSet) own[f].clone();
            } else {
                result.and(own[f]);
            }
        }
        return result;
    }

    /** Counts the facets in {@code group} over {@code entries} in one walk; null entries: no filter. */
    private void countOver(int[] group, BitSet entries, long[][] counts) {
        if (entries == null) {
            for (int f : group) {
                counts[f] = unfiltered[f];
            }
            return;
        }
        for (int f : group) {
            counts[f] = new long[dictionaries[f].size()];
        }
        for (int i = entries.nextSetBit(0); i >= 0; i = entries.nextSetBit(i + 1)) {
            for (int f : group) {
                if (single[f] != null) {
                    counts[f][single[f][i]]++;
                } else {
                    for (int v : values[f][i]) {
                        counts[f][v]++;
                    }
                }
            }
        }
    }

    /** At most {@link FacetsRepository#MAX_VALUES}: by count then value, months newest first. */
    private List<Count> top(int f, long[] counts) {
        List<Count> nonZero = new ArrayList<>();
        Dictionary dictionary = dictionaries[f];
        for (int v = 0; v < Math.min(counts.length, dictionary.size()); v++) {
            if (counts[v] > 0) {
                nonZero.add(new Count(dictionary.value(v), counts[v]));
            }
        }
        Comparator<Count> order = f == MONTH ? Comparator.comparing(Count::value, CODE_POINT_ORDER).reversed()
                : Comparator.comparingLong(Count::count).reversed().thenComparing(Count::value, CODE_POINT_ORDER);
        nonZero.sort(order);
        return List.copyOf(nonZero.subList(0, Math.min(nonZero.size(), FacetsRepository.MAX_VALUES)));
    }

    /** The order of PostgreSQL's "C" collation (UTF-8 bytes), which the SQL facets sort ties by. */
    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int x = a.codePointAt(i);
            int y = b.codePointAt(j);
            if (x != y) {
                return Integer.compare(x, y);
            }
            i += Character.charCount(x);
            j += Character.charCount(y);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }

    /** Values of one facet to dense ids and back. */
    private static final class Dictionary {
        private final Map<String, Integer> ids = new HashMap<>();
        private final List<String> values = new ArrayList<>();

        int id(String value) {
            return ids.computeIfAbsent(value, v -> {
                values.add(v);
                return values.size() - 1;
            });
        }

        int find(String value) {
            return ids.getOrDefault(value, -1);
        }

        String value(int id) {
            return values.get(id);
        }

        int size() {
            return values.size();
        }
    }

    /** A growable sorted int array: one posting list. */
    static final class IntList {
        static final IntList EMPTY = new IntList();
        private int[] items = new int[4];
        private int length;

        /** Adds {@code x} in order; appending the newest ordinal, the usual case, is O(1). */
        void insert(int x) {
            if (length == items.length) {
                items = Arrays.copyOf(items, length * 2);
            }
            int at = length == 0 || items[length - 1] <= x ? length : insertionPoint(x);
            System.arraycopy(items, at, items, at + 1, length - at);
            items[at] = x;
            length++;
        }

        void remove(int x) {
            int at = Arrays.binarySearch(items, 0, length, x);
            if (at >= 0) {
                System.arraycopy(items, at + 1, items, at, length - at - 1);
                length--;
            }
        }

        private int insertionPoint(int x) {
            int at = Arrays.binarySearch(items, 0, length, x);
            return at >= 0 ? at : -at - 1;
        }

        void setAll(BitSet set) {
            for (int i = 0; i < length; i++) {
                set.set(items[i]);
            }
        }

        void clearAll(BitSet set) {
            for (int i = 0; i < length; i++) {
                set.clear(items[i]);
            }
        }
    }
}
