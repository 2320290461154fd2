package dev.statecraft.ingest.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SafeFetcherTest {

    @Test
    void refusesPrivateLoopbackAndLinkLocalAddresses() {
        SafeFetcher fetcher = new SafeFetcher(false, List.of());
        for (String url : List.of("http://127.0.0.1/feed", "http://10.1.2.3/", "http://192.168.1.1/",
                "http://172.16.0.5/", "http://169.254.169.254/latest/meta-data", "http://[::1]/",
                "http://[fd00::1]/", "http://100.64.0.1/", "http://0.0.0.0/", "http://localhost/")) {
            assertThatThrownBy(() -> fetcher.checkAllowed(URI.create(url))).as(url)
                    .isInstanceOf(SafeFetcher.FetchException.class).hasMessageContaining("private address");
        }
    }

    @Test
    void acceptsPublicAddressesAndRefusesOtherSchemes() throws Exception {
        SafeFetcher fetcher = new SafeFetcher(false, List.of());
        fetcher.checkAllowed(URI.create("https://151.101.0.144/search/news-and-communications.atom"));
        assertThatThrownBy(() -> fetcher.checkAllowed(URI.create("file:///etc/passwd")))
                .isInstanceOf(SafeFetcher.FetchException.class);
    }

    @Test
    void allowListAdmitsTheHostAndItsSubdomainsOnly() throws Exception {
        SafeFetcher fetcher = new SafeFetcher(true, List.of("gov.uk"));
        fetcher.checkAllowed(URI.create("https://www.gov.uk/api/content/x"));
        fetcher.checkAllowed(URI.create("https://gov.uk/x"));
        assertThatThrownBy(() -> fetcher.checkAllowed(URI.create("https://evilgov.uk/x")))
                .hasMessageContaining("allowed-hosts");
        assertThatThrownBy(() -> fetcher.checkAllowed(URI.create("https://gov.uk.example.org/x")))
                .hasMessageContaining("allowed-hosts");
    }

    @Test
    void govukLinksMapToTheirContentApiPath() {
        assertThat(ItemFetcher.govukPath(URI.create("https://www.gov.uk/government/news/a-b?utm_source=x#top")))
                .isEqualTo("/government/news/a-b");
        assertThat(ItemFetcher.govukPath(URI.create("https://www.example.org/government/news/a-b"))).isNull();
        assertThat(ItemFetcher.govukPath(URI.create("https://www.gov.uk/"))).isNull();
    }

    @Test
    void feedEntriesComeOldestFirstKeyedByEntryId() throws Exception {
        List<FeedEntries.Entry> entries = FeedEntries.parse(
                FeedFixtureServer.fixture("govuk-news-v1.atom").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(entries).extracting(FeedEntries.Entry::title)
                .containsExactly("Christmas 2016: Prime Minister's message",
                        "Foreign Secretary meets Ukrainian Foreign Minister in Kyiv");
        assertThat(entries.get(1).key()).endsWith("#2025-03-18T09:30:00Z");
        assertThat(entries.get(1).link())
                .isEqualTo("https://www.gov.uk/government/news/foreign-secretary-meets-ukrainian-foreign-minister-in-kyiv");
        assertThatThrownBy(() -> FeedEntries.parse("<feed><entry>".getBytes())).hasMessageContaining("Atom/RSS");
    }
}
