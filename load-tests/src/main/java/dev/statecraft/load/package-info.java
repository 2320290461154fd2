/**
 * Load tools that drive the running system from outside: generators, load runners and the fault drill.
 * Nothing here runs in {@code ./mvnw verify} beyond compiling and unit tests of the tools themselves.
 */
package dev.statecraft.load;
