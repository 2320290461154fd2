package dev.statecraft.model;

import java.util.List;

final class Lists {
    private Lists() {
    }

    /** Immutable copy that turns a missing list into an empty one, so readers never see null collections. */
    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }
}
