package dev.statecraft.infra;

import dev.statecraft.infra.kafka.KafkaBroker;

/** Starts a broker, prints its pid, and waits to be killed. */
public final class OrphanProbe {
    private OrphanProbe() {
    }

    public static void main(String[] args) throws InterruptedException {
        KafkaBroker broker = KafkaBroker.startEphemeral();
        System.out.println("BROKER_PID " + broker.pid());
        System.out.flush();
        Thread.currentThread().join();
    }
}
