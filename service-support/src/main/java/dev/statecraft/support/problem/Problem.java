package dev.statecraft.support.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is a stable URI per kind of problem, so clients can branch on it;
 * {@code parameter} names the offending input where there is one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, String parameter,
        Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://statecraft.dev/problems/";

    public static Problem of(int status, String slug, String title, String detail) {
        return new Problem(TYPE_BASE + slug, title, status, detail, null, null, null);
    }

    public Problem withParameter(String name) {
        return new Problem(type, title, status, detail, instance, name, extensions);
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, parameter, extensions);
    }
}
