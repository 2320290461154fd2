package dev.statecraft.timeline.rebuild;

import dev.statecraft.timeline.projection.EntryRow;
import dev.statecraft.timeline.projection.MentionedDates;
import dev.statecraft.timeline.projection.PgTime;
import java.util.Arrays;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * A row as one tuple of PostgreSQL's binary COPY format, the rebuild's: the same values as {@link CopyText}
 * (from {@link EntryRow}) in the form each type's receive function reads, so PostgreSQL parses no text. The
 * search vector's text form alone was ~40 % of a row's COPY cost (tsvector lexer and sort); escaping and
 * scanning every byte of the event JSON and body for COPY text most of the rest. Values PostgreSQL would refuse
 * from the text form are refused here too ({@link CopyText.Unstorable}): a NUL character, a publication time
 * outside timestamptz, a search vector over its size limit.
 */
final class CopyBinary {
    /** Signature, flags, header extension length. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0,
        0, 0};
    /** A field count of -1 ends the data. */
    static final byte[] TRAILER = {(byte) 0xff, (byte) 0xff};

    private static final int TEXT_OID = 25;
    /** PostgreSQL timestamps count microseconds from 2000-01-01 UTC, dates days from 2000-01-01. */
    private static final long POSTGRES_EPOCH_SECOND = 946_684_800L;
    private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    /**
     * The publication years whose ISO text (as {@link Instant#toString()} writes it for the live upsert)
     * PostgreSQL's timestamptz input reads; outside them (year 0, BC, a {@code +} year) the live projection's row
     * is refused, so the rebuild refuses it too rather than store a row the live one never could.
     */
    private static final int FIRST_YEAR = 1;
    private static final int LAST_YEAR = 9999;
    /** range_recv flags: lower bound inclusive, upper exclusive: {@code [first, end)}. */
    private static final int LOWER_INCLUSIVE = 0x02;

    private CopyBinary() {
    }

    /**
     * The row's values, then applied_at ({@code appliedAtMicros}, PostgreSQL's microseconds) and change_seq: the
     * rebuild's tuple. change_seq is its last 8 bytes ({@link #CHANGE_SEQ_BYTES}), so the writer can set it.
     */
    static byte[] numberedTuple(EntryRow row, long appliedAtMicros, long changeSeq) {
        Bytes out = values(row);
        timestamp(out, appliedAtMicros);
        int32(out, 8);
        int64(out, changeSeq);
        return out.toByteArray();
    }

    /** How far from a {@link #numberedTuple}'s end its change_seq starts. */
    static final int CHANGE_SEQ_BYTES = 8;

    /** Sets a {@link #numberedTuple}'s change_seq. */
    static void setChangeSeq(byte[] tuple, long changeSeq) {
        for (int i = 0; i < CHANGE_SEQ_BYTES; i++) {
            tuple[tuple.length - 1 - i] = (byte) (changeSeq >>> (8 * i));
        }
    }

    /** The field count (the row's columns, applied_at, change_seq), then the row's values. */
    private static Bytes values(EntryRow row) {
        Bytes out = new Bytes(4096);
        short16(out, EntryRow.COLUMNS.size() + 2);
        text(out, row.id());
        int32(out, 4);
        int32(out, row.revision());
        timestamp(out, publishedAt(row.publishedAt()));
        text(out, row.kind());
        text(out, row.title());
        text(out, row.summary());
        text(out, row.publisher());
        text(out, row.sourceUrl());
        textArray(out, row.countries());
        textArray(out, row.organisations());
        textArray(out, row.persons());
        textArray(out, row.locations());
        text(out, row.bodyText());
        dateRanges(out, row.mentionedDates());
        searchVector(out, row);
        text(out, row.event());
        int32(out, 8);
        int64(out, row.contentHash());
        return out;
    }

    private static long publishedAt(Instant at) {
        int year = at.atOffset(ZoneOffset.UTC).getYear();
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new CopyText.Unstorable("a publication year (" + year + ") outside what PostgreSQL reads");
        }
        return micros(at);
    }

    /** PostgreSQL's microseconds (from 2000-01-01) of what timestamptz input stores for the instant's ISO text. */
    static long micros(Instant at) {
        return PgTime.unixMicros(at) - POSTGRES_EPOCH_SECOND * 1_000_000L;
    }

    private static void timestamp(Bytes out, long micros) {
        int32(out, 8);
        int64(out, micros);
    }

    private static void text(Bytes out, String value) {
        if (value == null) {
            int32(out, -1);
            return;
        }
        if (value.indexOf('\0') >= 0) {
            throw new CopyText.Unstorable("a NUL character, which PostgreSQL text cannot hold");
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int32(out, bytes.length);
        out.write(bytes, 0, bytes.length);
    }

    /** array_recv: dimensions, has-nulls flag, element type, per dimension length and lower bound, elements. */
    private static void textArray(Bytes out, List<String> values) {
        byte[][] elements = new byte[values.size()][];
        int size = 12 + (values.isEmpty() ? 0 : 8);
        for (int i = 0; i < elements.length; i++) {
            String v = values.get(i);
            if (v.indexOf('\0') >= 0) {
                throw new CopyText.Unstorable("a NUL character, which PostgreSQL text cannot hold");
            }
            elements[i] = v.getBytes(StandardCharsets.UTF_8);
            size += 4 + elements[i].length;
        }
        int32(out, size);
        int32(out, values.isEmpty() ? 0 : 1);
        int32(out, 0);
        int32(out, TEXT_OID);
        if (!values.isEmpty()) {
            int32(out, elements.length);
            int32(out, 1);
        }
        for (byte[] e : elements) {
            int32(out, e.length);
            out.write(e, 0, e.length);
        }
    }

    /** multirange_recv: range count, then each range_recv with its length (flags, two date bounds). */
    private static void dateRanges(Bytes out, List<MentionedDates.Range> ranges) {
        int32(out, 4 + ranges.size() * (4 + 17));
        int32(out, ranges.size());
        for (MentionedDates.Range r : ranges) {
            int32(out, 17);
            out.write(LOWER_INCLUSIVE);
            int32(out, 4);
            int32(out, (int) (r.first().toEpochDay() - POSTGRES_EPOCH_DAY));
            int32(out, 4);
            int32(out, (int) (r.end().toEpochDay() - POSTGRES_EPOCH_DAY));
        }
    }

    private static void searchVector(Bytes out, EntryRow row) {
        byte[] vector = row.search().binary();
        if (vector == null) {
            throw new CopyText.Unstorable("a search vector over PostgreSQL's tsvector size limit");
        }
        int32(out, vector.length);
        out.write(vector, 0, vector.length);
    }

    private static void short16(Bytes out, int v) {
        out.write(v >>> 8);
        out.write(v);
    }

    private static void int32(Bytes out, int v) {
        out.write(v >>> 24);
        out.write(v >>> 16);
        out.write(v >>> 8);
        out.write(v);
    }

    private static void int64(Bytes out, long v) {
        int32(out, (int) (v >>> 32));
        int32(out, (int) v);
    }

    /** A growing byte array without ByteArrayOutputStream's locking (a few hundred writes per row). */
    private static final class Bytes {
        private byte[] bytes;
        private int size;

        Bytes(int capacity) {
            bytes = new byte[capacity];
        }

        void write(int b) {
            if (size == bytes.length) {
                bytes = Arrays.copyOf(bytes, size * 2);
            }
            bytes[size++] = (byte) b;
        }

        void write(byte[] b, int from, int length) {
            if (size + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(size * 2, size + length));
            }
            System.arraycopy(b, from, bytes, size, length);
            size += length;
        }

        byte[] toByteArray() {
            return Arrays.copyOf(bytes, size);
        }
    }
}
