-- The search vector is no longer computed by PostgreSQL per row (to_tsvector('english', body) cost ~0.1 ms of
-- database CPU per row and capped the projection far below 10,000 rows/s on 2 cores): the projection writes it,
-- built by its Java analyzer (search/EnglishAnalyzer: PostgreSQL's english stop words, the Snowball English
-- stemmer, title weight A, body weight B), and the query side turns q into a tsquery with the same analyzer.
-- Rows stored before keep the vector PostgreSQL built; it has the same lexemes for plain words. The operator
-- rebuild (POST /admin/projection/rebuild) rewrites every row with the Java vector (timeline-service README).
alter table timeline_entry alter column search drop expression;
