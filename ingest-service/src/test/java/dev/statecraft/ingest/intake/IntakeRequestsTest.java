package dev.statecraft.ingest.intake;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.statecraft.support.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class IntakeRequestsTest {
    private static final IntakeRequests.Metadata NONE = new IntakeRequests.Metadata();

    @Test
    void deeplyNestedJsonIsRefusedWithoutExhaustingMemory() {
        byte[] body = ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> IntakeRequests.read("application/json", body, NONE, 1 << 20))
                .isInstanceOf(ProblemException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void anUnsupportedMediaTypeIsNamedBeforeTheBodyIsRead() {
        byte[] binary = {(byte) 0xff, 0x00, 0x41};
        assertThatThrownBy(() -> IntakeRequests.read("application/octet-stream", binary, NONE, 1 << 20))
                .isInstanceOf(ProblemException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((ProblemException) e).problem().status())
                        .isEqualTo(415));
    }
}
