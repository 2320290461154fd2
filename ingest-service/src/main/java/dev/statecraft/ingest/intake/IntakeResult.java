package dev.statecraft.ingest.intake;

/** What became of a submitted document: accepted (new), revised (a correction) or a duplicate. */
public record IntakeResult(String id, int revision, Status status) {
    public enum Status {
        ACCEPTED, REVISED, DUPLICATE;

        public String wire() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
