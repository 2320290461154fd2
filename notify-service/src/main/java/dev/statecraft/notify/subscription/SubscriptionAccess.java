package dev.statecraft.notify.subscription;

import dev.statecraft.support.operator.OperatorTokens;
import dev.statecraft.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;

/**
 * Who may do what: the subscriber holding a subscription's management token may read and end that
 * subscription; the operator (any token of the shared {@link OperatorTokens}) may do anything. With no operator
 * token configured, operator access is off.
 */
@ApplicationScoped
public class SubscriptionAccess {
    private final OperatorTokens operators;

    SubscriptionAccess(OperatorTokens operators) {
        this.operators = operators;
    }

    public enum Role { OPERATOR, SUBSCRIBER }

    /** The bearer token of an Authorization header, or a 401 problem if there is none. */
    public static String bearerToken(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ProblemException.unauthorized("An Authorization: Bearer <token> header is required.");
        }
        String value = authorization.trim();
        if (value.length() < 7 || !value.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")) {
            throw ProblemException.unauthorized("The Authorization header must use the Bearer scheme.");
        }
        String token = value.substring(7).trim();
        if (token.isEmpty()) {
            throw ProblemException.unauthorized("The bearer token is empty.");
        }
        return token;
    }

    public boolean isOperator(String token) {
        return operators.identify(token).isPresent();
    }

    public void requireOperator(String authorization) {
        if (!isOperator(bearerToken(authorization))) {
            throw ProblemException.unauthorized("This needs the operator token.");
        }
    }

    /**
     * The caller's role for one subscription. A subscription that does not exist answers 404 to the operator
     * only; anyone else gets 401 and so learns nothing about which ids exist.
     */
    public Role requireAccess(String authorization, Subscription subscription) {
        return requireAccess(authorization, subscription, "No such subscription.");
    }

    /** As {@link #requireAccess(String, Subscription)}, with the operator's 404 detail given. */
    public Role requireAccess(String authorization, Subscription subscription, String notFoundDetail) {
        String token = bearerToken(authorization);
        if (isOperator(token)) {
            if (subscription == null) {
                throw ProblemException.notFound(notFoundDetail);
            }
            return Role.OPERATOR;
        }
        if (subscription != null && ManagementTokens.matches(token, subscription.managementTokenHash)) {
            return Role.SUBSCRIBER;
        }
        throw ProblemException.unauthorized("The token does not grant access to this subscription.");
    }
}
