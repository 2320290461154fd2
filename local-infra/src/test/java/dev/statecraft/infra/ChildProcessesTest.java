package dev.statecraft.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ChildProcessesTest {

    @Test
    void aClientThatHasEndedIsNoLongerKeptForTheExitHook() throws Exception {
        Process running = new ProcessBuilder(ChildProcesses.javaExecutable(), "-version").start();
        ChildProcesses.stopClientOnExit(running);
        assertThat(running.waitFor(60, TimeUnit.SECONDS)).isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (ChildProcesses.isStoppedOnExit(running) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(ChildProcesses.isStoppedOnExit(running)).isFalse();
    }
}
