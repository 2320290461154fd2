-- Filters on every field of the contract, and full-text search. Additive: V1 stays as it was.

-- The dates an announcement mentions, each as the range its precision covers ('2025-05' = all of May).
-- Used by the projection on every upsert and by the backfill below, so both read the event the same way;
-- a date that does not parse is skipped rather than failing the record.
create function timeline_mentioned_dates(event jsonb) returns datemultirange
language plpgsql immutable as $$
declare
    mention jsonb;
    d text;
    first_day date;
    result datemultirange := '{}';
begin
    for mention in select jsonb_array_elements(coalesce(event -> 'dates', '[]')) loop
        d := mention ->> 'date';
        begin
            if d ~ '^\d{4}-\d{2}-\d{2}$' then
                result := result + datemultirange(daterange(d::date, d::date + 1));
            elsif d ~ '^\d{4}-\d{2}$' then
                first_day := (d || '-01')::date;
                result := result + datemultirange(daterange(first_day, (first_day + interval '1 month')::date));
            elsif d ~ '^\d{4}$' then
                first_day := (d || '-01-01')::date;
                result := result + datemultirange(daterange(first_day, (first_day + interval '1 year')::date));
            end if;
        exception when others then
            null; -- not a calendar date: leave it out
        end;
    end loop;
    return result;
end $$;

alter table timeline_entry
    add column locations       text[]         not null default '{}',
    add column mentioned_dates datemultirange not null default '{}',
    add column body_text       text,
    -- Title weighs more than body in the ranking.
    add column search tsvector generated always as (
        setweight(to_tsvector('english', coalesce(title, '')), 'A')
        || setweight(to_tsvector('english', coalesce(body_text, '')), 'B')) stored;

-- Rows projected before this migration get the new columns from the event they already store.
update timeline_entry set
    locations = coalesce(array(
        select distinct l ->> 'name' from jsonb_array_elements(coalesce(event::jsonb -> 'locations', '[]')) l
        where coalesce(l ->> 'name', '') <> ''), '{}'),
    mentioned_dates = timeline_mentioned_dates(event::jsonb),
    body_text = event::jsonb ->> 'body_text';

-- Array containment/overlap (&&) and full-text match (@@) use GIN; date-range overlap uses GiST.
create index timeline_entry_organisations_idx on timeline_entry using gin (organisations);
create index timeline_entry_persons_idx on timeline_entry using gin (persons);
create index timeline_entry_locations_idx on timeline_entry using gin (locations);
create index timeline_entry_search_idx on timeline_entry using gin (search);
create index timeline_entry_mentioned_dates_idx on timeline_entry using gist (mentioned_dates);
create index timeline_entry_publisher_order_idx on timeline_entry (publisher, published_at desc, id desc);
