package dev.statecraft.notify.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps webhooks from being aimed at the service's own network (SSRF): a URL must be absolute http(s), and
 * unless private addresses are allowed (local development, tests) every address its host resolves to must be
 * public. Checked when a subscription is created and again before every send, since DNS can change.
 */
@ApplicationScoped
public class OutboundUrlGuard {
    private final boolean allowPrivateAddresses;

    OutboundUrlGuard(@ConfigProperty(name = "statecraft.webhooks.allow-private-addresses",
            defaultValue = "false") boolean allowPrivateAddresses) {
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    public static OutboundUrlGuard of(boolean allowPrivateAddresses) {
        return new OutboundUrlGuard(allowPrivateAddresses);
    }

    /** The parsed URL, or a {@link RefusedUrlException} saying why it may not be called. */
    public URI check(String url) {
        URI uri = parse(url);
        if (allowPrivateAddresses) {
            return uri;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(hostOf(uri));
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("webhook_url host '" + uri.getHost() + "' does not resolve");
        }
        for (InetAddress address : addresses) {
            nonPublicReason(address).ifPresent(reason -> {
                throw new RefusedUrlException("webhook_url host '" + uri.getHost() + "' resolves to "
                        + address.getHostAddress() + ", a " + reason + " address; only public addresses are allowed");
            });
        }
        return uri;
    }

    /** Syntax only: absolute http(s) with a host, no user info. */
    public static URI parse(String url) {
        if (url == null || url.isBlank()) {
            throw new RefusedUrlException("webhook_url is required");
        }
        if (url.length() > 2000) {
            throw new RefusedUrlException("webhook_url must be at most 2000 characters");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new RefusedUrlException("webhook_url is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new RefusedUrlException("webhook_url must be an absolute http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new RefusedUrlException("webhook_url must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrlException("webhook_url must not carry credentials (user info)");
        }
        return uri;
    }

    /** Why an address is not a public unicast address, or empty when it is. */
    static Optional<String> nonPublicReason(InetAddress address) {
        if (address.isAnyLocalAddress()) {
            return Optional.of("wildcard");
        }
        if (address.isLoopbackAddress()) {
            return Optional.of("loopback");
        }
        if (address.isLinkLocalAddress()) {
            return Optional.of("link-local");
        }
        if (address.isSiteLocalAddress()) {
            return Optional.of("private");
        }
        if (address.isMulticastAddress()) {
            return Optional.of("multicast");
        }
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = b[0] & 0xff;
            int second = b[1] & 0xff;
            if (first == 100 && second >= 64 && second <= 127) {
                return Optional.of("carrier-grade NAT (100.64.0.0/10)");
            }
            if (first == 0) {
                return Optional.of("'this network' (0.0.0.0/8)");
            }
            if (first == 255 && second == 255 && (b[2] & 0xff) == 255 && (b[3] & 0xff) == 255) {
                return Optional.of("broadcast");
            }
            return Optional.empty();
        }
        if (address instanceof Inet6Address v6) {
            if ((b[0] & 0xfe) == 0xfc) {
                return Optional.of("unique local (fc00::/7)");
            }
            if (v6.isIPv4CompatibleAddress()) {
                try {
                    InetAddress embedded = InetAddress.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16));
                    return nonPublicReason(embedded);
                } catch (UnknownHostException e) {
                    return Optional.of("malformed");
                }
            }
        }
        return Optional.empty();
    }

    private static String hostOf(URI uri) {
        String host = uri.getHost();
        // IPv6 literals come bracketed from URI
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The URL may not be called; the message is safe to show to the subscriber. */
    public static class RefusedUrlException extends RuntimeException {
        public RefusedUrlException(String message) {
            super(message);
        }
    }
}
