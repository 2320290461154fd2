package dev.statecraft.notify.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class KeywordMatcherTest {
    @Test
    void noKeywordsMatchesEverything() {
        assertThat(KeywordMatcher.anyMatches(List.of(), "anything")).isTrue();
        assertThat(KeywordMatcher.anyMatches(List.of(), "")).isTrue();
    }

    @Test
    void matchesWholeWordsCaseInsensitively() {
        assertThat(KeywordMatcher.anyMatches(List.of("iran"), "Sanctions on IRAN announced")).isTrue();
        assertThat(KeywordMatcher.anyMatches(List.of("Iran"), "Iran's nuclear programme")).isTrue();
        assertThat(KeywordMatcher.anyMatches(List.of("Iran"), "Iranian officials")).isFalse();
        assertThat(KeywordMatcher.anyMatches(List.of("EU"), "Europe and the neutral states")).isFalse();
        assertThat(KeywordMatcher.anyMatches(List.of("EU"), "the EU-UK summit")).isTrue();
        assertThat(KeywordMatcher.anyMatches(List.of("Türkiye"), "talks with TÜRKIYE")).isTrue();
    }

    @Test
    void matchesPhrasesAcrossAnyWhitespace() {
        assertThat(KeywordMatcher.anyMatches(List.of("arms embargo"), "an Arms\n  Embargo was imposed")).isTrue();
        assertThat(KeywordMatcher.anyMatches(List.of("arms embargo"), "arms and an embargo")).isFalse();
    }

    @Test
    void anyOfSeveralKeywordsAndRegexCharactersAreLiteral() {
        assertThat(KeywordMatcher.anyMatches(List.of("NATO", "G7"), "G7 leaders met")).isTrue();
        assertThat(KeywordMatcher.anyMatches(List.of("a.b"), "axb")).isFalse();
        assertThat(KeywordMatcher.anyMatches(List.of("C++"), "written in C++ today")).isTrue();
        assertThat(KeywordMatcher.anyMatches(List.of("NATO"), null)).isFalse();
    }
}
