package dev.statecraft.timeline.rebuild;

import dev.statecraft.timeline.projection.EntryRow;
import dev.statecraft.timeline.projection.EntryUpsert;
import dev.statecraft.timeline.projection.MentionedDates;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The live table's change numbers as a rebuild starts: per id its change_seq, applied_at and content hash, in
 * primitive arrays keyed by the id's 64-bit hash (~64 MB for a million rows). A rebuilt row whose content hash
 * equals its live row's takes that row's change_seq and applied_at while loading, so unchanged rows keep their
 * numbers without any UPDATE. A row stored before V17 has no hash: its hash is computed here from its stored
 * columns (the same function, {@link EntryRow#contentHash}), once, as the first rebuild after the upgrade reads it.
 * Every number here is below {@link #seqStart()}; every number taken later, by the live projection or the rebuild,
 * is above it.
 */
final class LiveNumbers {
    /** The content columns a row without a hash is read with, in {@link EntryRow#contentHash}'s order. */
    private static final String[] CONTENT = {"revision", "(extract(epoch from published_at) * 1000000)::bigint",
        "kind", "title", "summary", "publisher", "source_url", "countries", "organisations", "persons", "locations",
        "body_text", "array(select (lower(r) - date '1970-01-01')::bigint from unnest(mentioned_dates) r)",
        "array(select (upper(r) - date '1970-01-01')::bigint from unnest(mentioned_dates) r)", "event"};
    private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

    private long[] keys = new long[1 << 16];
    private long[] hashes = new long[keys.length];
    private long[] seqs = new long[keys.length];
    private long[] appliedAts = new long[keys.length];
    private int size;
    private long withoutHash;
    private long seqStart;

    private LiveNumbers() {
    }

    /**
     * Takes {@link #seqStart()} and reads the live table in one repeatable-read snapshot taken while the
     * projection's change-order lock is held (a few milliseconds: no live write in flight), so every row in the
     * snapshot has a lower number and every row the live projection writes later a higher one.
     */
    static LiveNumbers read(Connection c, long changeOrderLock) throws SQLException {
        LiveNumbers numbers = new LiveNumbers();
        StringBuilder select = new StringBuilder("select id, change_seq, (extract(epoch from applied_at) * 1000000)"
                + "::bigint, content_hash");
        for (String column : CONTENT) {
            select.append(", case when content_hash is null then ").append(column).append(" end");
        }
        select.append(" from ").append(EntryUpsert.LIVE_TABLE);
        boolean autoCommit = c.getAutoCommit();
        int isolation = c.getTransactionIsolation();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("select pg_advisory_lock(" + changeOrderLock + ")"); // session-level: released below
            try {
                c.setAutoCommit(false); // also a cursor: the scan is fetched in batches, not all at once
                c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                try (ResultSet rs = s.executeQuery("select nextval('timeline_change_seq')")) { // the snapshot
                    rs.next();
                    numbers.seqStart = rs.getLong(1);
                }
            } finally {
                s.execute("select pg_advisory_unlock(" + changeOrderLock + ")");
            }
            s.setFetchSize(2000);
            try (ResultSet rs = s.executeQuery(select.toString())) {
                while (rs.next()) {
                    long hash = rs.getLong(4);
                    if (rs.wasNull()) {
                        hash = storedHash(rs);
                        numbers.withoutHash++;
                    }
                    numbers.put(SeenIds.hash(rs.getString(1)), hash, rs.getLong(2),
                            rs.getLong(3) - POSTGRES_EPOCH_MICROS);
                }
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            throw e;
        } finally {
            c.setAutoCommit(autoCommit);
            c.setTransactionIsolation(isolation);
        }
        return numbers;
    }

    /** The content hash of a row stored without one, from its columns as stored. */
    private static long storedHash(ResultSet rs) throws SQLException {
        Long[] firsts = (Long[]) rs.getArray(17).getArray();
        Long[] ends = (Long[]) rs.getArray(18).getArray();
        List<MentionedDates.Range> dates = new ArrayList<>(firsts.length);
        for (int i = 0; i < firsts.length; i++) {
            dates.add(new MentionedDates.Range(LocalDate.ofEpochDay(firsts[i]), LocalDate.ofEpochDay(ends[i])));
        }
        return EntryRow.contentHash(rs.getString(1), rs.getInt(5), rs.getLong(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11), list(rs.getArray(12)), list(rs.getArray(13)),
                list(rs.getArray(14)), list(rs.getArray(15)), rs.getString(16), dates, rs.getString(19));
    }

    private static List<String> list(Array array) throws SQLException {
        return Arrays.asList((String[]) array.getArray());
    }

    /** A slot to look the row up by, or -1 when its id was not live or its content differs. */
    int find(EntryRow row) {
        int i = slot(key(SeenIds.hash(row.id())));
        return keys[i] != 0 && hashes[i] == row.contentHash() && seqs[i] > 0 ? i : -1;
    }

    long changeSeq(int slot) {
        return seqs[slot];
    }

    /** PostgreSQL's microseconds (from 2000-01-01). */
    long appliedAt(int slot) {
        return appliedAts[slot];
    }

    int size() {
        return size;
    }

    /** Rows stored before V17, whose hash was computed from their columns. */
    long withoutHash() {
        return withoutHash;
    }

    /** Above every number in the snapshot, below every one taken later (by the live projection or the rebuild). */
    long seqStart() {
        return seqStart;
    }

    private void put(long idHash, long contentHash, long seq, long appliedAt) {
        if ((size + 1) * 2L > keys.length) {
            grow();
        }
        long key = key(idHash);
        int i = slot(key);
        if (keys[i] == key) {
            seqs[i] = -1; // two live ids with one 64-bit hash: neither keeps its number (renumbered, never wrong)
            return;
        }
        keys[i] = key;
        hashes[i] = contentHash;
        seqs[i] = seq;
        appliedAts[i] = appliedAt;
        size++;
    }

    private static long key(long idHash) {
        return idHash == 0 ? 1 : idHash; // 0 marks an empty slot; a shared key is caught by the content hash
    }

    private int slot(long key) {
        int mask = keys.length - 1;
        int i = (int) (key ^ (key >>> 32)) & mask;
        while (keys[i] != 0 && keys[i] != key) {
            i = (i + 1) & mask;
        }
        return i;
    }

    private void grow() {
        long[] k = keys;
        long[] h = hashes;
        long[] s = seqs;
        long[] a = appliedAts;
        keys = new long[k.length * 2];
        hashes = new long[keys.length];
        seqs = new long[keys.length];
        appliedAts = new long[keys.length];
        for (int j = 0; j < k.length; j++) {
            if (k[j] != 0) {
                int i = slot(k[j]);
                keys[i] = k[j];
                hashes[i] = h[j];
                seqs[i] = s[j];
                appliedAts[i] = a[j];
            }
        }
    }
}
