package dev.statecraft.model;

/** A record that can never be applied, whatever is retried: a dead letter. */
public class InvalidEventException extends RuntimeException {
    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
