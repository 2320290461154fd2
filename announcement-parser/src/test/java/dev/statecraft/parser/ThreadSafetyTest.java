package dev.statecraft.parser;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.model.AnnouncementJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** One parser shared by several threads gives the same result as a lone parse. */
class ThreadSafetyTest {

    @Test
    void concurrentParsesAgree() throws Exception {
        ParserInput input = ParserInput.text(TestFixtures.resource("/fixtures/uk-eu-kallas-london.txt"),
                TestFixtures.INGESTED);
        String expected = AnnouncementJson.write(TestFixtures.PARSER.parse(input));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> AnnouncementJson.write(TestFixtures.PARSER.parse(input))));
            }
            for (Future<String> result : results) {
                assertThat(result.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
