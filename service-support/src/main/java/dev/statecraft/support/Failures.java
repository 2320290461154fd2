package dev.statecraft.support;

/** Describing failures in logs and stored error fields. */
public final class Failures {
    private Failures() {
    }

    /** The innermost cause as {@code SimpleName: message}: what actually went wrong, without the wrappers. */
    public static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
