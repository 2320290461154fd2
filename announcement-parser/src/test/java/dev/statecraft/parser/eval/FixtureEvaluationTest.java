package dev.statecraft.parser.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.AnnouncementParser;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality bar: runs {@link FixtureEvaluation} over the labelled fixtures and over the project's own texts
 * (scored separately), writes both to {@code target/evaluation.txt}, and fails when a target is missed.
 */
class FixtureEvaluationTest {
    private static FixtureEvaluation fixtures;
    private static FixtureEvaluation ownTexts;

    @BeforeAll
    static void evaluate() throws IOException {
        AnnouncementParser parser = new AnnouncementParser();
        fixtures = FixtureEvaluation.run(parser, FixtureEvaluation.classpathFixtures());
        ownTexts = FixtureEvaluation.run(parser, FixtureEvaluation.ownTexts(), "own texts (src/test/resources/unseen)");
        FixtureEvaluation.writeReport(Path.of("target", "evaluation.txt"), fixtures, ownTexts);
        System.out.println(fixtures.report());
        System.out.println(ownTexts.report());
    }

    @Test
    void meetsTheQualityTargetsOnTheLabelledFixtures() {
        assertThat(fixtures.fixtureCount()).isGreaterThanOrEqualTo(6);
        assertThat(fixtures.kindAccuracy()).as("kind accuracy").isGreaterThanOrEqualTo(0.85);
        assertThat(fixtures.score("countries").f1()).as("countries F1").isGreaterThanOrEqualTo(0.90);
        assertThat(fixtures.score("amounts").f1()).as("amounts F1").isGreaterThanOrEqualTo(0.90);
        assertThat(fixtures.score("quote speakers").f1()).as("quote speakers F1").isGreaterThanOrEqualTo(0.90);
        assertThat(fixtures.score("persons").f1()).as("persons F1").isGreaterThanOrEqualTo(0.85);
        assertThat(fixtures.score("dates").f1()).as("dates F1").isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void ownTextsScoreNearTheSameTargets() {
        assertThat(ownTexts.fixtureCount()).isGreaterThanOrEqualTo(8);
        assertThat(ownTexts.kindAccuracy()).as("kind accuracy").isGreaterThanOrEqualTo(0.85);
        assertThat(ownTexts.score("countries").f1()).as("countries F1").isGreaterThanOrEqualTo(0.85);
        assertThat(ownTexts.score("amounts").f1()).as("amounts F1").isGreaterThanOrEqualTo(0.85);
        assertThat(ownTexts.score("quote speakers").f1()).as("quote speakers F1").isGreaterThanOrEqualTo(0.85);
        assertThat(ownTexts.score("persons").f1()).as("persons F1").isGreaterThanOrEqualTo(0.80);
        assertThat(ownTexts.score("dates").f1()).as("dates F1").isGreaterThanOrEqualTo(0.80);
        assertThat(ownTexts.score("sanction targets").f1()).as("sanction targets F1").isGreaterThanOrEqualTo(0.80);
    }
}
