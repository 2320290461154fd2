package dev.statecraft.timeline.facets;

import dev.statecraft.timeline.facets.FacetsRepository.Count;
import dev.statecraft.timeline.facets.FacetsRepository.Facets;
import dev.statecraft.timeline.query.Field;
import dev.statecraft.timeline.query.Filters;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.roaringbitmap.BatchIterator;
import org.roaringbitmap.IntConsumer;
import org.roaringbitmap.RoaringBitmap;

/**
 * The facet counts of the timeline held in memory, the way search engines count facets: every entry has an
 * ordinal, each facet value a posting list of the ordinals that carry it as a compressed bitmap (RoaringBitmap),
 * and each publication day one too. A request's filters become bitmaps (OR within a field, AND across fields,
 * an exclusion AND NOT, the day range the OR of its months and edge days). Each facet is counted under the
 * filters minus its own, by whichever is cheaper for that request: the intersection size of every value's
 * posting list with that filter ({@code andCardinality}, word-wise popcounts), or a walk over the filter's
 * members adding up their values (when the filter leaves few). Counts equal what {@link FacetsRepository}'s SQL
 * gives for the same rows (each array element counted, ties by value in code point order, months newest first).
 *
 * <p>It also knows each entry's place in the timeline (publication instant and id), so it can name the
 * entries of a timeline page for the filters it evaluates ({@link #newest}); the caller fetches those rows by
 * primary key.
 *
 * <p>Answers only filters it can evaluate exactly: country, kind, organisation and person (included and
 * excluded) and the publication-day range; anything else ({@code q}, location, publisher, mentioned dates)
 * is left to SQL. Thread-safe: many readers, one writer at a time.
 */
final class FacetIndex {
    /** The facets in {@link Facet} order; the first four are also filters. */
    private static final Facet[] FACETS = Facet.values();
    private static final int MONTH = Facet.MONTH.ordinal();
    private static final int KIND = Facet.KIND.ordinal();
    private static final int[] NONE = new int[0];
    /** A filter with at most this many members is walked for a page instead of intersected month by month. */
    private static final int WALK_FOR_PAGE = 4_096;
    /**
     * A page's filter whose smallest inclusion holds at most this share of the entries (1/16: array, not bitmap,
     * chunks) is intersected once over the whole timeline; a denser one month by month.
     */
    private static final int SPARSE_FOR_PAGE = 16;
    /**
     * Relative cost of visiting one filter member and bumping its values' counters (random access) against
     * one 64-bit word of an andCardinality; measured in FacetIndexScaleBenchmark, only the order matters.
     */
    private static final int WALK_COST = 8;

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Integer> ordinals = new HashMap<>();
    private final Dictionary[] dictionaries = new Dictionary[FACETS.length];
    /** Per facet, per value id: the ordinals carrying it. */
    private final List<List<RoaringBitmap>> postings = new ArrayList<>();
    /** Per publication day (days since the epoch, UTC): its ordinals. */
    private final TreeMap<Integer, RoaringBitmap> byDay = new TreeMap<>();
    /** Month values ("YYYY-MM", which sorts chronologically) to their value ids. */
    private final TreeMap<String, Integer> months = new TreeMap<>();
    private int size;
    /** The highest change number applied; set under the same lock as the entries, so readers see both agree. */
    private long lastChange;
    private String[] ids = new String[1024];
    /** Per ordinal: published_at in microseconds since the epoch (PostgreSQL's precision), the timeline order. */
    private long[] published = new long[1024];
    /**
     * Per multi-valued facet (kind and month are in {@link #single}), the value ids of all entries in one flat
     * array: at {@code valueStart[f][ordinal]} the count, then the ids. Walking a filter's members in ordinal
     * order reads it front to back, where an array per entry (a million small objects) cost a pointer chase per
     * member; a revision appends its values and leaves the old ones unused.
     */
    private final int[][] valueStart = new int[FACETS.length][];
    private final int[][] valuePool = new int[FACETS.length][];
    private final int[] valuePoolSize = new int[FACETS.length];
    /** Kind and month as one flat array each (exactly one value per entry). */
    private final int[][] single = new int[FACETS.length][];

    FacetIndex() {
        for (int f = 0; f < FACETS.length; f++) {
            dictionaries[f] = new Dictionary();
            postings.add(new ArrayList<>());
            if (f == KIND || f == MONTH) {
                single[f] = new int[1024];
            } else {
                valueStart[f] = new int[1024];
                valuePool[f] = new int[4096];
            }
        }
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

    long lastChange() {
        lock.readLock().lock();
        try {
            return lastChange;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Entries of a timeline page (see {@link #newest}) and the change number the index held them at. */
    record Newest(List<String> ids, long lastChange) {
    }

    int size() {
        lock.readLock().lock();
        try {
            return size;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The publication instant held for {@code id} in microseconds, null if unknown (a cursor's key in benchmarks). */
    Long publishedMicros(String id) {
        lock.readLock().lock();
        try {
            Integer ordinal = ordinals.get(id);
            return ordinal == null ? null : published[ordinal];
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Bytes the posting lists take (the per-entry arrays and ids come on top). */
    long postingBytes() {
        lock.readLock().lock();
        try {
            long bytes = 0;
            for (List<RoaringBitmap> facet : postings) {
                for (RoaringBitmap b : facet) {
                    bytes += b.getLongSizeInBytes();
                }
            }
            for (RoaringBitmap b : byDay.values()) {
                bytes += b.getLongSizeInBytes();
            }
            return bytes;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Adds the entry, or replaces what is held for its id (a newer revision). */
    void put(String id, String kind, Instant publishedAt, String[] countries, String[] organisations,
            String[] persons) {
        put(id, kind, publishedAt, countries, organisations, persons, 0);
    }

    /** {@link #put}, the row having change number {@code changeSeq} (the highest so far, rows come in order). */
    void put(String id, String kind, Instant publishedAt, String[] countries, String[] organisations,
            String[] persons, long changeSeq) {
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
                ids[ordinal] = id;
                size++;
            } else {
                byDay.get(dayOf(ordinal)).remove(ordinal);
                for (int f = 0; f < FACETS.length; f++) {
                    for (int v : valuesOf(f, ordinal)) {
                        postings.get(f).get(v).remove(ordinal);
                    }
                }
            }
            published[ordinal] = micros(publishedAt);
            byDay.computeIfAbsent(day, d -> new RoaringBitmap()).add(ordinal);
            for (int f = 0; f < FACETS.length; f++) {
                int[] valueIds = byFacet[f].length == 0 ? NONE : new int[byFacet[f].length];
                for (int i = 0; i < valueIds.length; i++) {
                    int v = dictionaries[f].id(byFacet[f][i]);
                    valueIds[i] = v;
                    while (postings.get(f).size() <= v) {
                        postings.get(f).add(new RoaringBitmap());
                    }
                    postings.get(f).get(v).add(ordinal);
                }
                if (single[f] != null) {
                    single[f][ordinal] = valueIds[0];
                } else {
                    appendValues(f, ordinal, valueIds);
                }
            }
            months.putIfAbsent(month, single[MONTH][ordinal]);
            lastChange = Math.max(lastChange, changeSeq);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** "YYYY-MM" of an instant in microseconds since the epoch, UTC: the key of {@link #months}. */
    private static String monthOf(long micros) {
        LocalDate day = LocalDate.ofEpochDay(Math.floorDiv(micros, 86_400_000_000L));
        return String.format("%04d-%02d", day.getYear(), day.getMonthValue());
    }

    private int dayOf(int ordinal) {
        return (int) Math.floorDiv(published[ordinal], 86_400_000_000L);
    }

    private int[] valuesOf(int f, int ordinal) {
        if (single[f] != null) {
            return new int[] {single[f][ordinal]};
        }
        int start = valueStart[f][ordinal];
        return Arrays.copyOfRange(valuePool[f], start + 1, start + 1 + valuePool[f][start]);
    }

    private void appendValues(int f, int ordinal, int[] valueIds) {
        int start = valuePoolSize[f];
        int end = start + 1 + valueIds.length;
        if (end > valuePool[f].length) {
            valuePool[f] = Arrays.copyOf(valuePool[f], Math.max(end, valuePool[f].length * 2));
        }
        valuePool[f][start] = valueIds.length;
        System.arraycopy(valueIds, 0, valuePool[f], start + 1, valueIds.length);
        valuePoolSize[f] = end;
        valueStart[f][ordinal] = start;
    }

    private void grow(int capacity) {
        if (capacity > ids.length) {
            int n = Math.max(capacity, ids.length * 2);
            ids = Arrays.copyOf(ids, n);
            published = Arrays.copyOf(published, n);
            for (int f = 0; f < FACETS.length; f++) {
                if (single[f] != null) {
                    single[f] = Arrays.copyOf(single[f], n);
                } else {
                    valueStart[f] = Arrays.copyOf(valueStart[f], n);
                }
            }
        }
    }

    /** The counts for {@code filters}, which {@link #supports} must accept. */
    Facets count(Filters filters) {
        lock.readLock().lock();
        try {
            Condition[] own = conditions(filters);
            RoaringBitmap all = intersection(own, -1);
            long total = all == null ? size : all.getLongCardinality();
            long[][] counts = new long[FACETS.length][];
            // The facets without a condition of their own are counted under every condition: when they are
            // walked, one walk serves them all.
            List<Integer> walkedUnderAll = new ArrayList<>();
            for (int f = 0; f < FACETS.length; f++) {
                RoaringBitmap under = own[f] == null ? all : intersection(own, f);
                if (under == null) {
                    counts[f] = cardinalities(f);
                } else if (walkCost(f, under) >= intersectCost(f, under)) {
                    counts[f] = intersectionCounts(f, under);
                } else if (own[f] == null) {
                    walkedUnderAll.add(f);
                } else {
                    walk(new int[] {f}, under, counts);
                }
            }
            if (!walkedUnderAll.isEmpty()) {
                walk(walkedUnderAll.stream().mapToInt(Integer::intValue).toArray(), all, counts);
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

    /**
     * The ids of the newest entries matching {@code filters} published at or before {@code beforeMicros} (null:
     * from the newest), newest first: every one published exactly at {@code beforeMicros} (the cursor's instant:
     * which of them come after the cursor depends on the id order, the database's collation, so the caller's SQL
     * decides), then the first {@code n} published before it, then every further one published at the same
     * instant as the n-th (a tie the caller's SQL orders by id, too).
     */
    Newest newest(Filters filters, Long beforeMicros, int n) {
        lock.readLock().lock();
        try {
            // The publication-day range is not turned into a bitmap here (the OR of its months and edge days was
            // most of a date-range page's index work): only the months it touches are visited, and each entry's
            // instant is checked against it.
            long bound = beforeMicros == null ? Long.MAX_VALUE : beforeMicros;
            long from = filters.from() == null ? Long.MIN_VALUE : micros(filters.from());
            long toExclusive = filters.toExclusive() == null ? Long.MAX_VALUE : micros(filters.toExclusive());
            List<RoaringBitmap> includes = new ArrayList<>();
            List<RoaringBitmap> excludes = new ArrayList<>();
            Condition[] own = conditions(filters, false);
            for (Condition c : own) {
                if (c != null && c.include() != null) {
                    includes.add(c.include());
                }
                if (c != null && c.exclude() != null) {
                    excludes.add(c.exclude());
                }
            }
            includes.sort(Comparator.comparingLong(RoaringBitmap::getLongCardinality));
            PageCollector page = new PageCollector(bound, from, toExclusive);
            if (!includes.isEmpty()
                    && includes.get(0).getLongCardinality() <= Math.max(WALK_FOR_PAGE, size / SPARSE_FOR_PAGE)) {
                // A sparse inclusion: the whole filter costs about its size to intersect (sorted arrays against
                // bitmaps), and a month would be intersected with a sparse list again for each month visited
                // (a rare filter visits many); so the filter is built once.
                RoaringBitmap matching = intersect(includes.get(0), includes.subList(1, includes.size()), excludes);
                includes = List.of(matching);
                excludes = List.of();
            }
            if (!includes.isEmpty() && includes.get(0).getLongCardinality() <= WALK_FOR_PAGE) {
                includes.get(0).forEach(page); // a small filter: walked whole
            } else {
                // Month by month from the newest (or the cursor's) month: every entry of a month is newer than
                // every entry of the months before it, so once n are found the older months cannot contribute.
                // Each month's posting list (a few thousand entries) is intersected with the conditions: dense
                // ones are never intersected with each other over the whole timeline. The month that completes
                // the page is taken day by day from its newest day, so only about a day's entries more than the
                // page are sorted. Only the months of the publication-day range are visited.
                long newestMicros = Math.min(bound, toExclusive == Long.MAX_VALUE ? Long.MAX_VALUE : toExclusive - 1);
                String newestMonth = newestMicros == Long.MAX_VALUE ? null : monthOf(newestMicros);
                String oldestMonth = from == Long.MIN_VALUE ? null : monthOf(from);
                NavigableMap<String, Integer> inRange = months;
                if (newestMonth != null && oldestMonth != null && newestMonth.compareTo(oldestMonth) < 0) {
                    inRange = Collections.emptyNavigableMap(); // a cursor before the range: nothing left
                } else {
                    if (oldestMonth != null) {
                        inRange = inRange.tailMap(oldestMonth, true);
                    }
                    if (newestMonth != null) {
                        inRange = inRange.headMap(newestMonth, true);
                    }
                }
                for (Map.Entry<String, Integer> entry : inRange.descendingMap().entrySet()) {
                    RoaringBitmap candidates = postings.get(MONTH).get(entry.getValue());
                    candidates = intersect(candidates, includes, excludes);
                    if (page.before + candidates.getLongCardinality() < n) {
                        candidates.forEach(page);
                        continue;
                    }
                    LocalDate first = LocalDate.parse(entry.getKey() + "-01");
                    for (RoaringBitmap day : byDay.subMap((int) first.toEpochDay(), true,
                            (int) first.plusMonths(1).toEpochDay(), false).descendingMap().values()) {
                        RoaringBitmap.and(day, candidates).forEach(page);
                        if (page.before >= n) {
                            break;
                        }
                    }
                    if (page.before >= n) {
                        break;
                    }
                }
            }
            int[] found = page.newestFirst(n);
            List<String> ids = new ArrayList<>(found.length);
            for (int ordinal : found) {
                ids.add(this.ids[ordinal]);
            }
            return new Newest(ids, lastChange);
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * {@code start} and every inclusion, minus every exclusion, never changing {@code start} (a posting list):
     * {@code start} itself when there is nothing to apply, else a new bitmap made by the first operation (a clone
     * first was the largest allocation of a page request: each month's list copied for an exclusion).
     */
    private static RoaringBitmap intersect(RoaringBitmap start, List<RoaringBitmap> includes,
            List<RoaringBitmap> excludes) {
        RoaringBitmap result = start;
        for (RoaringBitmap include : includes) {
            if (result == start) {
                result = RoaringBitmap.and(start, include);
            } else {
                result.and(include);
            }
        }
        for (RoaringBitmap exclude : excludes) {
            if (result == start) {
                result = RoaringBitmap.andNot(start, exclude);
            } else {
                result.andNot(exclude);
            }
        }
        return result;
    }

    /**
     * The entries a page search visits that match its instant bounds: at or before the cursor's instant, inside
     * the publication-day range; {@code before} counts those strictly before the cursor's instant.
     */
    private final class PageCollector implements IntConsumer {
        private final long bound;
        private final long from;
        private final long toExclusive;
        private int[] found = new int[256];
        private int size;
        int before;

        PageCollector(long bound, long from, long toExclusive) {
            this.bound = bound;
            this.from = from;
            this.toExclusive = toExclusive;
        }

        @Override
        public void accept(int ordinal) {
            long at = published[ordinal];
            if (at <= bound && at >= from && at < toExclusive) {
                if (size == found.length) {
                    found = Arrays.copyOf(found, size * 2);
                }
                found[size++] = ordinal;
                if (at < bound) {
                    before++;
                }
            }
        }

        /**
         * The page's ordinals, newest first (ties in any order: the caller's SQL orders them by id): every one at
         * the cursor's instant, the {@code n} newest before it, and every further one published at the same instant
         * as the n-th. A small filter walked whole finds thousands: their instants are sorted as primitives to find
         * the oldest instant kept, and only the entries at or after it are ordered (a boxed sort of all of them was
         * ~8 % of a page request's CPU).
         */
        int[] newestFirst(int n) {
            int keep = Math.min(size - before + n, size);
            if (keep <= 0) {
                return NONE;
            }
            long[] instants = new long[size];
            for (int k = 0; k < size; k++) {
                instants[k] = published[found[k]];
            }
            Arrays.sort(instants);
            long oldestKept = instants[size - keep];
            int kept = 0;
            int[] page = new int[size];
            for (int k = 0; k < size; k++) {
                if (published[found[k]] >= oldestKept) {
                    page[kept++] = found[k];
                }
            }
            Integer[] order = new Integer[kept];
            for (int k = 0; k < kept; k++) {
                order[k] = page[k];
            }
            Arrays.sort(order, (a, b) -> Long.compare(published[b], published[a]));
            int[] sorted = new int[kept];
            for (int k = 0; k < kept; k++) {
                sorted[k] = order[k];
            }
            return sorted;
        }
    }

    /**
     * A facet's own condition: entries with any of the included values (null: no inclusion) and none of the
     * excluded ones (null: no exclusion). Kept apart, so an exclusion is subtracted from the intersection of the
     * inclusions instead of first being turned into "every entry but these" (a bitmap of the whole timeline).
     */
    private record Condition(RoaringBitmap include, RoaringBitmap exclude) {
    }

    /** Each facet's own condition (null: none); the month's own is the publication-day range. */
    private Condition[] conditions(Filters filters) {
        return conditions(filters, true);
    }

    /** {@link #conditions(Filters)}, the publication-day range left out unless {@code withDays}. */
    private Condition[] conditions(Filters filters, boolean withDays) {
        Condition[] own = new Condition[FACETS.length];
        for (int f = 0; f < FACETS.length; f++) {
            Field field = FACETS[f].field();
            if (field != null) {
                own[f] = condition(f, filters.include().get(field), filters.exclude().get(field));
            }
        }
        RoaringBitmap days = withDays ? dayRange(filters.from(), filters.toExclusive()) : null;
        own[MONTH] = days == null ? null : new Condition(days, null);
        return own;
    }

    /** The postings of {@code include} and of {@code exclude}, each OR-ed; null when both are absent. */
    private Condition condition(int f, List<String> include, List<String> exclude) {
        if (include == null && exclude == null) {
            return null;
        }
        return new Condition(union(f, include), union(f, exclude));
    }

    /**
     * The entries carrying any of {@code values}; null for no values. For one value its posting list itself, not
     * a copy (copying a popular value's list was a large part of a request's allocation): read only.
     */
    private RoaringBitmap union(int f, List<String> values) {
        if (values == null) {
            return null;
        }
        if (values.size() == 1) {
            return postingsOf(f, values.get(0));
        }
        RoaringBitmap set = new RoaringBitmap();
        for (String value : values) {
            set.or(postingsOf(f, value));
        }
        return set;
    }

    private RoaringBitmap postingsOf(int f, String value) {
        int v = dictionaries[f].find(value);
        return v < 0 || v >= postings.get(f).size() ? new RoaringBitmap() : postings.get(f).get(v);
    }

    /**
     * published_at >= from and < toExclusive, both midnights UTC; null when neither bound is set. Whole months
     * inside the range come from the month postings, the days at its edges from the day postings.
     */
    private RoaringBitmap dayRange(Instant from, Instant toExclusive) {
        if (from == null && toExclusive == null) {
            return null;
        }
        RoaringBitmap set = new RoaringBitmap();
        if (byDay.isEmpty()) {
            return set;
        }
        long first = Math.max(byDay.firstKey(),
                from == null ? Long.MIN_VALUE : Math.floorDiv(from.getEpochSecond(), 86_400));
        long end = Math.min(byDay.lastKey() + 1L,
                toExclusive == null ? Long.MAX_VALUE : Math.floorDiv(toExclusive.getEpochSecond(), 86_400));
        List<RoaringBitmap> parts = new ArrayList<>();
        long day = first;
        while (day < end) {
            LocalDate date = LocalDate.ofEpochDay(day);
            long nextMonth = date.withDayOfMonth(1).plusMonths(1).toEpochDay();
            if (date.getDayOfMonth() == 1 && nextMonth <= end) {
                Integer month = months.get(String.format("%04d-%02d", date.getYear(), date.getMonthValue()));
                if (month != null) {
                    parts.add(postings.get(MONTH).get(month));
                }
                day = nextMonth;
            } else {
                long stop = Math.min(nextMonth, end);
                parts.addAll(byDay.subMap((int) day, true, (int) stop, false).values());
                day = stop;
            }
        }
        Iterator<RoaringBitmap> iterator = parts.iterator();
        return parts.isEmpty() ? set : RoaringBitmap.or(iterator);
    }

    /**
     * Every condition except facet {@code skip}'s own: the inclusions AND-ed, then the exclusions subtracted
     * (from the whole timeline only when nothing is included); null when none applies. A new bitmap.
     */
    private RoaringBitmap intersection(Condition[] own, int skip) {
        RoaringBitmap result = null;
        for (int f = 0; f < own.length; f++) {
            if (f != skip && own[f] != null && own[f].include() != null) {
                result = result == null ? own[f].include().clone() : and(result, own[f].include());
            }
        }
        for (int f = 0; f < own.length; f++) {
            if (f != skip && own[f] != null && own[f].exclude() != null) {
                if (result == null) {
                    result = RoaringBitmap.bitmapOfRange(0, size);
                }
                result.andNot(own[f].exclude());
            }
        }
        return result;
    }

    private static RoaringBitmap and(RoaringBitmap into, RoaringBitmap other) {
        into.and(other);
        return into;
    }

    /** Counting facet {@code f} by walking {@code under}: one step per member and value. */
    private long walkCost(int f, RoaringBitmap under) {
        long members = under.getLongCardinality();
        return members * WALK_COST * (single[f] != null ? 1 : 2);
    }

    /**
     * Counting facet {@code f} by intersections. Against a dense filter (bitmap chunks) a value costs a bit test
     * per member of its posting list, at most 1024 words per chunk; against a sparse filter (sorted arrays)
     * every value's intersection runs through the filter's members again, so walking the filter once is
     * cheaper whenever there is more than one value: then this is "infinite".
     */
    private long intersectCost(int f, RoaringBitmap under) {
        long chunks = Math.max(1, (size + 65_535L) / 65_536);
        if (under.getLongCardinality() < chunks * 4096) {
            return Long.MAX_VALUE;
        }
        long words = 0;
        for (RoaringBitmap posting : postings.get(f)) {
            long cardinality = posting.getLongCardinality();
            if (cardinality > 0) {
                words += Math.min(cardinality, chunks * 1024) + 8;
            }
        }
        return words;
    }

    private long[] cardinalities(int f) {
        List<RoaringBitmap> facet = postings.get(f);
        long[] counts = new long[facet.size()];
        for (int v = 0; v < counts.length; v++) {
            counts[v] = facet.get(v).getLongCardinality();
        }
        return counts;
    }

    private long[] intersectionCounts(int f, RoaringBitmap under) {
        List<RoaringBitmap> facet = postings.get(f);
        long[] counts = new long[facet.size()];
        for (int v = 0; v < counts.length; v++) {
            RoaringBitmap posting = facet.get(v);
            counts[v] = posting.isEmpty() ? 0 : RoaringBitmap.andCardinality(posting, under);
        }
        return counts;
    }

    /** Counts the facets in {@code group} over {@code entries} in one walk. */
    private void walk(int[] group, RoaringBitmap entries, long[][] counts) {
        for (int f : group) {
            counts[f] = new long[dictionaries[f].size()];
        }
        // Members in batches, each batch counted facet by facet: tight loops over one facet's arrays at a time.
        int[] batch = new int[256];
        BatchIterator members = entries.getBatchIterator();
        while (members.hasNext()) {
            int n = members.nextBatch(batch);
            for (int f : group) {
                long[] facetCounts = counts[f];
                if (single[f] != null) {
                    int[] valueOf = single[f];
                    for (int k = 0; k < n; k++) {
                        facetCounts[valueOf[batch[k]]]++;
                    }
                } else {
                    int[] startOf = valueStart[f];
                    int[] pool = valuePool[f];
                    for (int k = 0; k < n; k++) {
                        int at = startOf[batch[k]];
                        for (int end = at + 1 + pool[at], i = at + 1; i < end; i++) {
                            facetCounts[pool[i]]++;
                        }
                    }
                }
            }
        }
    }

    /**
     * At most {@link FacetsRepository#MAX_VALUES}: by count then value, months newest first. Selected, not
     * sorted: a facet may have thousands of values (people), and sorting them all with a chained comparator was
     * most of a facets request's CPU (JFR at 1M rows); a bounded heap of value ids compares counts as longs and
     * values only on a tie.
     */
    private List<Count> top(int f, long[] counts) {
        int max = FacetsRepository.MAX_VALUES;
        Dictionary dictionary = dictionaries[f];
        List<Count> top = new ArrayList<>(max);
        if (f == MONTH) {
            // "YYYY-MM" is ASCII, so the map's order is code point order
            for (Map.Entry<String, Integer> month : months.descendingMap().entrySet()) {
                int v = month.getValue();
                if (v < counts.length && counts[v] > 0) {
                    top.add(new Count(month.getKey(), counts[v]));
                    if (top.size() == max) {
                        break;
                    }
                }
            }
            return List.copyOf(top);
        }
        int n = Math.min(counts.length, dictionary.size());
        int[] heap = new int[max]; // the kept value ids, the one ranked last at the root
        int size = 0;
        for (int v = 0; v < n; v++) {
            if (counts[v] == 0) {
                continue;
            }
            if (size < max) {
                heap[size] = v;
                siftUp(heap, size++, counts, dictionary);
            } else if (counts[v] >= counts[heap[0]] && ranksBefore(v, heap[0], counts, dictionary)) {
                heap[0] = v;
                siftDown(heap, size, counts, dictionary);
            }
        }
        Integer[] kept = new Integer[size];
        for (int i = 0; i < size; i++) {
            kept[i] = heap[i];
        }
        Arrays.sort(kept, (a, b) -> ranksBefore(a, b, counts, dictionary) ? -1 : a.equals(b) ? 0 : 1);
        for (int v : kept) {
            top.add(new Count(dictionary.value(v), counts[v]));
        }
        return List.copyOf(top);
    }

    /** Higher count first, then the value in code point order (values of one facet are distinct). */
    private static boolean ranksBefore(int a, int b, long[] counts, Dictionary dictionary) {
        if (counts[a] != counts[b]) {
            return counts[a] > counts[b];
        }
        return a != b && compareCodePoints(dictionary.value(a), dictionary.value(b)) < 0;
    }

    /** Min-heap by rank: the root is the value ranked last, the first to give way. */
    private static void siftUp(int[] heap, int i, long[] counts, Dictionary dictionary) {
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (!ranksBefore(heap[parent], heap[i], counts, dictionary)) {
                return;
            }
            swap(heap, i, parent);
            i = parent;
        }
    }

    private static void siftDown(int[] heap, int size, long[] counts, Dictionary dictionary) {
        int i = 0;
        while (true) {
            int last = i;
            for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
                if (ranksBefore(heap[last], heap[child], counts, dictionary)) {
                    last = child;
                }
            }
            if (last == i) {
                return;
            }
            swap(heap, i, last);
            i = last;
        }
    }

    private static void swap(int[] heap, int i, int j) {
        int t = heap[i];
        heap[i] = heap[j];
        heap[j] = t;
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
}
