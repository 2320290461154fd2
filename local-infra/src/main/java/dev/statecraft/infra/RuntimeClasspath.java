package dev.statecraft.infra;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** This module's runtime classpath as Maven resolved it at build time, for the child JVMs it starts. */
public final class RuntimeClasspath {
    private RuntimeClasspath() {
    }

    public static String get() {
        return ChildProcesses.codeLocation(RuntimeClasspath.class) + File.pathSeparator + read(RuntimeClasspath.class, "runtime-classpath.txt");
    }

    /** Reads a classpath file that the build wrote beside {@code anchor}. */
    public static String read(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " missing: build local-infra with Maven first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
