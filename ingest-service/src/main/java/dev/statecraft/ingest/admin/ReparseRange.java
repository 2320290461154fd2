package dev.statecraft.ingest.admin;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.statecraft.support.problem.JsonBodies;
import dev.statecraft.support.problem.ProblemException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Which announcements a re-parse covers: publication date and/or ingest time ranges (from inclusive, to
 * exclusive), a publisher, a list of ids, or explicitly {@code all}. Criteria combine with AND.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReparseRange(@JsonProperty("published_from") Instant publishedFrom,
        @JsonProperty("published_to") Instant publishedTo, @JsonProperty("ingested_from") Instant ingestedFrom,
        @JsonProperty("ingested_to") Instant ingestedTo, String publisher, List<String> ids, Boolean all,
        @JsonProperty("dry_run") boolean dryRun) {

    static final int MAX_IDS = 10_000;
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    /** The request body as sent by an operator; dates are {@code YYYY-MM-DD} or ISO-8601 with an offset. */
    record Request(@JsonProperty("published_from") String publishedFrom,
            @JsonProperty("published_to") String publishedTo, @JsonProperty("ingested_from") String ingestedFrom,
            @JsonProperty("ingested_to") String ingestedTo, String publisher, List<String> ids, Boolean all,
            @JsonProperty("dry_run") Boolean dryRun) {
    }

    static ReparseRange parse(String body) {
        if (body == null || body.isBlank()) {
            throw ProblemException.badRequest("empty-body", "Send the range as JSON, e.g. {\"publisher\": \"…\", "
                    + "\"dry_run\": true}.");
        }
        Request r;
        try {
            r = JSON.readValue(body, Request.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", "The range is not valid: " + e.getOriginalMessage());
        }
        if (r == null) {
            throw ProblemException.badRequest("malformed-json", "The range must be a JSON object.");
        }
        ReparseRange range = new ReparseRange(date("published_from", r.publishedFrom()),
                date("published_to", r.publishedTo()), date("ingested_from", r.ingestedFrom()),
                date("ingested_to", r.ingestedTo()), blankToNull(r.publisher()), r.ids(), r.all(),
                Boolean.TRUE.equals(r.dryRun()));
        range.check();
        return range;
    }

    private void check() {
        order("published_from", publishedFrom, publishedTo);
        order("ingested_from", ingestedFrom, ingestedTo);
        if (ids != null) {
            if (ids.isEmpty() || ids.size() > MAX_IDS) {
                throw ProblemException.invalidParameter("ids", "ids must hold between 1 and " + MAX_IDS + " ids.");
            }
            if (ids.stream().anyMatch(id -> id == null || id.isBlank() || id.length() > 200)) {
                throw ProblemException.invalidParameter("ids", "Every id must be a non-empty string.");
            }
        }
        boolean narrowed = publishedFrom != null || publishedTo != null || ingestedFrom != null || ingestedTo != null
                || publisher != null || ids != null;
        if (!narrowed && !Boolean.TRUE.equals(all)) {
            throw ProblemException.badRequest("range-required", "Give a range (published_from/to, ingested_from/to, "
                    + "publisher or ids), or \"all\": true to re-parse every announcement.");
        }
    }

    private static void order(String parameter, Instant from, Instant to) {
        if (from != null && to != null && !from.isBefore(to)) {
            throw ProblemException.invalidParameter(parameter, parameter + " must be before its 'to'.");
        }
    }

    private static Instant date(String parameter, String value) {
        return value == null ? null : JsonBodies.instant(parameter, value);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ReparseRange fromJson(String json) {
        try {
            return JSON.readValue(json, ReparseRange.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored job parameters unreadable", e);
        }
    }

    /** The filter over {@code announcement a}, its parameters bound from index {@code first}. */
    private String where(List<Object> args) {
        StringBuilder sql = new StringBuilder(" where true");
        add(sql, args, " and a.published_at >= ?", publishedFrom);
        add(sql, args, " and a.published_at < ?", publishedTo);
        add(sql, args, " and a.ingested_at >= ?", ingestedFrom);
        add(sql, args, " and a.ingested_at < ?", ingestedTo);
        add(sql, args, " and a.publisher = ?", publisher);
        add(sql, args, " and a.id = any(?)", ids == null ? null : ids.toArray(String[]::new));
        return sql.toString();
    }

    private static void add(StringBuilder sql, List<Object> args, String clause, Object value) {
        if (value != null) {
            sql.append(clause);
            args.add(value instanceof Instant i ? Timestamp.from(i) : value);
        }
    }

    long count(Connection c) throws SQLException {
        List<Object> args = new ArrayList<>();
        String sql = "select count(*) from announcement a" + where(args);
        try (PreparedStatement ps = prepare(c, sql, args)) {
            var rs = ps.executeQuery();
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The next ids after the checkpoint, in key order: the order a resumed job continues in. */
    List<String> nextIds(Connection c, String after, int limit) throws SQLException {
        List<Object> args = new ArrayList<>();
        String where = where(args);
        args.add(after == null ? "" : after);
        args.add(limit);
        try (PreparedStatement ps = prepare(c, "select a.id from announcement a" + where
                + " and a.id > ? order by a.id limit ?", args)) {
            List<String> found = new ArrayList<>();
            var rs = ps.executeQuery();
            while (rs.next()) {
                found.add(rs.getString(1));
            }
            return found;
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, List<Object> args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.size(); i++) {
            Object arg = args.get(i);
            if (arg instanceof String[] array) {
                ps.setArray(i + 1, c.createArrayOf("text", array));
            } else {
                ps.setObject(i + 1, arg);
            }
        }
        return ps;
    }
}
