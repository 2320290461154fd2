package dev.statecraft.infra.kafka;

import java.io.IOException;
import java.io.InputStream;

/**
 * Entry point of the broker's child JVM: runs {@code kafka.Kafka} and exits as soon as its standard input
 * closes. The parent holds the pipe, so the broker dies with the parent even after a {@code kill -9}.
 */
public final class BrokerMain {
    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(BrokerMain::exitWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    private static void exitWhenParentGoes() {
        InputStream in = System.in;
        try {
            while (in.read() >= 0) {
                // nothing is ever sent; we only wait for end of stream
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end of stream
        }
        Runtime.getRuntime().halt(0);
    }
}
