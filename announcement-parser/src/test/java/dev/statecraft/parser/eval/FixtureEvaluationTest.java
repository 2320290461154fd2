package dev.statecraft.parser.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.statecraft.parser.AnnouncementParser;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The quality bar: runs {@link FixtureEvaluation} and fails when a target is missed. */
class FixtureEvaluationTest {

    @Test
    void meetsTheQualityTargetsOnTheLabelledFixtures() throws IOException {
        FixtureEvaluation evaluation = FixtureEvaluation.run(new AnnouncementParser(),
                FixtureEvaluation.classpathFixtures());
        FixtureEvaluation.writeReport(evaluation, Path.of("target", "evaluation.txt"));
        System.out.println(evaluation.report());

        assertThat(evaluation.fixtureCount()).isGreaterThanOrEqualTo(6);
        assertThat(evaluation.kindAccuracy()).as("kind accuracy").isGreaterThanOrEqualTo(0.85);
        assertThat(evaluation.score("countries").f1()).as("countries F1").isGreaterThanOrEqualTo(0.90);
        assertThat(evaluation.score("amounts").f1()).as("amounts F1").isGreaterThanOrEqualTo(0.90);
        assertThat(evaluation.score("quote speakers").f1()).as("quote speakers F1").isGreaterThanOrEqualTo(0.90);
        assertThat(evaluation.score("persons").f1()).as("persons F1").isGreaterThanOrEqualTo(0.85);
        assertThat(evaluation.score("dates").f1()).as("dates F1").isGreaterThanOrEqualTo(0.85);
    }
}
