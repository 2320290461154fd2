package dev.statecraft.load.generator;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** How the services are configured under load, and how loaded the machine was meanwhile. */
public final class LoadEnvironment {
    private LoadEnvironment() {
    }

    /**
     * Environment for every service in a load run: webhooks may reach receivers on loopback, and the per-client
     * rate limits are far above what one load client sends (everything comes from 127.0.0.1).
     */
    public static Map<String, String> forLoad() {
        return Map.of("STATECRAFT_WEBHOOKS_ALLOW_PRIVATE_ADDRESSES", "true",
                "STATECRAFT_RATE_LIMIT_INTAKE_PER_SECOND", "100000",
                "STATECRAFT_RATE_LIMIT_INTAKE_BURST", "100000",
                "STATECRAFT_RATE_LIMIT_SUBSCRIPTIONS_PER_SECOND", "100000",
                "STATECRAFT_RATE_LIMIT_SUBSCRIPTIONS_BURST", "100000");
    }

    /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} has them. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }
}
