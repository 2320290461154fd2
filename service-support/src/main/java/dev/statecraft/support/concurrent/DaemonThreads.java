package dev.statecraft.support.concurrent;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Threads for a service's own background work (relays, pollers, senders, rebuilds). Daemon threads, so a thread
 * that is still busy never holds the JVM open after Quarkus has shut down; named, so thread dumps and log lines say
 * whose work it is.
 */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    /** A daemon thread called {@code name}, not yet started. */
    public static Thread daemon(Runnable work, String name) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        return t;
    }

    /** Every thread called {@code name}: for a single-thread executor. */
    public static ThreadFactory named(String name) {
        return work -> daemon(work, name);
    }

    /** Threads called {@code prefix-1}, {@code prefix-2}, ...: for a pool. */
    public static ThreadFactory numbered(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return work -> daemon(work, prefix + "-" + n.incrementAndGet());
    }
}
