-- Mentioned dates newest first. The GiST index on mentioned_dates alone finds the matches but not their order,
-- and walking the order index until a page of them turns up passes every newer announcement first: 5.2 s at 1M
-- rows for a week mentioned in 2021 (load-tests/benchmarks/timeline-1m.txt, section 13). With published_at in the
-- same GiST index (btree_gist gives timestamptz its GiST operator class and the distance operator <->), a KNN scan
-- ordered by the distance from a far-future instant returns the matches newest first and stops at the page:
-- 2-8 ms. It serves every `mentioned_dates &&` condition the old index did, which it replaces (one GiST index to
-- maintain per row, as before). btree_gist is a trusted extension (PostgreSQL 13+): the database owner may create it.
create extension if not exists btree_gist;
create index if not exists timeline_entry_mentioned_dates_published_idx on timeline_entry using gist (mentioned_dates, published_at);
drop index if exists timeline_entry_mentioned_dates_idx;
