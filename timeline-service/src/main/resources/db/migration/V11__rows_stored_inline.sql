-- A row (~3.6 KB: event JSON, body, search vector) stays in the heap page uncompressed instead of having its
-- largest values pglz-compressed into TOAST, which above the default 2 KB threshold cost more database CPU
-- than the rest of storing the row: a COPY of the read model's rows was 1.6-1.8x faster with this (50k rows,
-- load-tests/benchmarks/timeline-1m.txt section 8), for ~27 % more disk. Reading a row then needs no
-- decompression either. Rows above the page limit are still compressed and moved out of line as before.
-- Metadata only: rows written from now on are stored this way; the projection rebuild rewrites all of them.
alter table timeline_entry set (toast_tuple_target = 8160);
