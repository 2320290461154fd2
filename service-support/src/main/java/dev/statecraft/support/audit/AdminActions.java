package dev.statecraft.support.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.statecraft.support.operator.Operator;
import dev.statecraft.support.operator.OperatorTokens;
import dev.statecraft.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every admin endpoint runs: the operator's token is checked (401/403), and an action (anything that
 * changes state) is written to the audit log with who, what, on what, with which parameters and how it ended.
 */
@ApplicationScoped
public class AdminActions {
    @Inject
    OperatorTokens tokens;
    @Inject
    AdminAudit audit;
    @Inject
    ObjectMapper json;

    /** A read: authenticated, not audited. */
    public Response read(String authorization, Supplier<Object> body) {
        tokens.require(authorization);
        Object result = body.get();
        return result instanceof Response r ? r : Response.ok(result).build();
    }

    /** An action: authenticated and audited, whatever its outcome. */
    public Response act(String authorization, String action, String target, Object parameters,
            Function<Operator, Response> body) {
        Operator who = tokens.require(authorization);
        long started = System.nanoTime();
        String params = toJson(parameters);
        try {
            Response response = body.apply(who);
            audit.record(who, action, target, params, response.getStatus(), toJson(response.getEntity()),
                    elapsedMs(started));
            return response;
        } catch (ProblemException e) {
            audit.record(who, action, target, params, e.problem().status(), e.problem().detail(), elapsedMs(started));
            throw e;
        } catch (RuntimeException e) {
            audit.record(who, action, target, params, 500, e.getClass().getSimpleName(), elapsedMs(started));
            throw e;
        }
    }

    private String toJson(Object value) {
        if (value == null || value instanceof String) {
            return (String) value;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static long elapsedMs(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
