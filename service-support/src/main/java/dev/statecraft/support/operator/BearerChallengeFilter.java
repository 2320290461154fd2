package dev.statecraft.support.operator;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.ext.Provider;
import org.eclipse.microprofile.config.ConfigProvider;

/** A 401 must say how to authenticate (RFC 9110): here, with a bearer token. */
@Provider
public class BearerChallengeFilter implements ContainerResponseFilter {
    private final String challenge = "Bearer realm=\"statecraft-" + ConfigProvider.getConfig()
            .getOptionalValue("quarkus.application.name", String.class).orElse("service").replace("-service", "")
            + "\"";

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getStatus() == 401 && !response.getHeaders().containsKey("WWW-Authenticate")) {
            response.getHeaders().add("WWW-Authenticate", challenge);
        }
    }
}
