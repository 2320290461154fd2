package dev.statecraft.parser.gazetteer;

/**
 * One written form of a gazetteer name. {@code key} is the canonical identity (ISO code, organisation id,
 * full name, role), {@code label} its display name and {@code country} the country it belongs to, if any.
 */
public record GazetteerEntry(String surface, EntryType type, String key, String label, String country,
        boolean impliesCountry, boolean alsoPersonalName) {
}
