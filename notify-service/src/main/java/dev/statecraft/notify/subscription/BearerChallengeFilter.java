package dev.statecraft.notify.subscription;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;

/** A 401 must say how to authenticate (RFC 9110): here, with a bearer token. */
@Provider
public class BearerChallengeFilter implements ContainerResponseFilter {
    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 401 && !response.getHeaders().containsKey("WWW-Authenticate")) {
            response.getHeaders().add("WWW-Authenticate", "Bearer realm=\"statecraft-notify\"");
        }
    }
}
