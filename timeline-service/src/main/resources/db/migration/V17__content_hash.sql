-- A hash of each row's content (every column but search, applied_at and change_seq), computed in Java by the
-- projection (projection/EntryRow) for the live upsert and the rebuild alike. A projection rebuild gives a rebuilt
-- row its old change number when the live row's hash equals the new row's, while loading, instead of comparing
-- both tables in SQL and rewriting every unchanged row under the switch's ACCESS EXCLUSIVE lock (at 1M rows that
-- ran past the switch's timeout). Additive: metadata only. Rows stored before have none (null); the rebuild
-- compares those in SQL, before it builds its indexes (timeline-service README, "Projection rebuild").
alter table timeline_entry add column content_hash bigint;

-- A hash is only worth trusting while it describes the row: an UPDATE that changes the content but keeps the hash
-- (a hand-made fix, anything but the projection, whose upsert always writes the new row's hash) clears it, so the
-- next rebuild compares that row in SQL and renumbers it when the topic says otherwise.
create function timeline_entry_content_edited() returns trigger
language plpgsql as $$
begin
    new.content_hash := null;
    return new;
end $$;

create trigger timeline_entry_content_edited before update on timeline_entry for each row
when (new.content_hash is not null and new.content_hash = old.content_hash
      and (new.id, new.revision, new.published_at, new.kind, new.title, new.summary, new.publisher, new.source_url,
           new.countries, new.organisations, new.persons, new.locations, new.body_text, new.mentioned_dates,
           new.event)
      is distinct from
          (old.id, old.revision, old.published_at, old.kind, old.title, old.summary, old.publisher, old.source_url,
           old.countries, old.organisations, old.persons, old.locations, old.body_text, old.mentioned_dates,
           old.event))
execute function timeline_entry_content_edited();
