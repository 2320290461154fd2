package dev.statecraft.infra;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Runs another program's main in a child JVM that ends when its standard input closes. The parent keeps the
 * pipe open, so the child ends with the parent even after a {@code kill -9} of the parent. Arguments: the
 * main class, then its arguments.
 */
public final class ParentWatch {
    private ParentWatch() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(ParentWatch::exitWhenParentGoes, "parent-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        Method main = Class.forName(args[0]).getMethod("main", String[].class);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    private static void exitWhenParentGoes() {
        try {
            while (System.in.read() >= 0) {
                // nothing is ever sent; we only wait for end of stream
            }
        } catch (IOException ignored) {
            // a broken pipe means the same as end of stream
        }
        // A normal exit: shutdown hooks run, so the program ends cleanly (a broker flushes, a service stops).
        System.exit(0);
    }
}
