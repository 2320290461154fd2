package dev.statecraft.support.operator;

/** Who performed an admin action: the name of the operator token presented (never the token itself). */
public record Operator(String name) {
}
