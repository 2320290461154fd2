-- The GiST index for newest-first mentioned-date pages (V15) with its columns the other way round: published_at
-- first. Same use: `mentioned_dates &&` conditions, and the KNN order `published_at <-> <far future>` that hands
-- out the matches newest first and stops at the page. Why: PostgreSQL 14 builds a GiST index by inserting every
-- row (no sorted build for these operator classes), and choosing the subtree and splitting pages by the
-- multirange first cost ~30 us per row against ~10 us by the timestamp first: on the 1M benchmark table 23.6 s vs
-- 13.6 s (a narrow copy of its three columns: 28-33 s vs 9.8 s; load-tests/benchmarks/timeline-1m.txt, section
-- 21); V15's was the longest of the projection rebuild's 10 index builds.
-- Query cost on the 1M benchmark data: the same (a page of a week's ~12,400 matches: 0.2-0.3 ms, ~60 buffers).
-- The trade: with dates mentioned far from publication (5 % of rows given one anywhere in 1950-2049, section
-- 21), a page of a rarely mentioned week walks more of this index than of V15's (18-177 ms vs 9-86 ms).
-- On upgrade the build blocks writes to timeline_entry for its duration (~14 s at 1M rows); reads go on.
create index if not exists timeline_entry_published_mentioned_dates_idx on timeline_entry using gist (published_at, mentioned_dates);
drop index if exists timeline_entry_mentioned_dates_published_idx;
