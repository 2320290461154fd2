package dev.statecraft.timeline.rebuild;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rebuild starts its two longest index builds first, one per connection (longest-processing-time-first). */
class IndexBuildOrderTest {
    @Test
    void searchGinThenGistThenArrayGinsThenBtrees() {
        // pg_get_indexdef's forms, in the live table's creation order (the GiST, added last, used to start last)
        List<String> live = List.of(
                "CREATE UNIQUE INDEX timeline_entry_change_seq_idx ON public.timeline_entry USING btree (change_seq)",
                "CREATE INDEX timeline_entry_countries_idx ON public.timeline_entry USING gin (countries)",
                "CREATE INDEX timeline_entry_order_idx ON public.timeline_entry USING btree (published_at DESC, id DESC)",
                "CREATE INDEX timeline_entry_search_idx ON public.timeline_entry USING gin (search)",
                "CREATE INDEX timeline_entry_persons_idx ON public.timeline_entry USING gin (persons)",
                "CREATE INDEX timeline_entry_published_mentioned_dates_idx ON public.timeline_entry USING gist "
                        + "(published_at, mentioned_dates)");
        List<String> ordered = live.stream().sorted(Comparator.comparingInt(ProjectionRebuild::buildCostRank))
                .map(d -> d.replaceFirst("^CREATE (UNIQUE )?INDEX (\\S+) .*$", "$2")).toList();
        assertThat(ordered).containsExactly("timeline_entry_search_idx",
                "timeline_entry_published_mentioned_dates_idx", "timeline_entry_countries_idx",
                "timeline_entry_persons_idx", "timeline_entry_change_seq_idx", "timeline_entry_order_idx");
    }
}
