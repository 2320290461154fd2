package dev.statecraft.parser.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The in-place particle test agrees with the word lookup. */
class SurnameParticleTest {
    @Test
    void inPlaceTestAgreesWithTheLookup() {
        String text = "von van der den de da dos du di bin al le la Von DER vo vonn d b a l bi dosi x ' é";
        char[] chars = text.toCharArray();
        int start = 0;
        for (String word : text.split(" ")) {
            assertThat(Gazetteer.isSurnameParticle(chars, start, start + word.length()))
                    .as(word).isEqualTo(Gazetteer.isSurnameParticle(word));
            start += word.length() + 1;
        }
        assertThat(Gazetteer.isSurnameParticle(chars, 0, 0)).isFalse();
    }
}
