package dev.statecraft.notify.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps webhooks from being aimed at the service's own network (SSRF): a URL must be absolute http(s), and
 * unless private addresses are allowed (local development, tests) every address its host resolves to must be
 * public. Checked when a subscription is created, and — what actually protects — as the webhook client's DNS
 * resolution step ({@link #dnsResolver()}): the client connects only to the addresses this guard resolved and
 * checked, so DNS that changes between creation and sending (rebinding) cannot slip a private address in.
 */
@ApplicationScoped
public class OutboundUrlGuard {
    /** Name resolution; a seam so tests can play a rebinding DNS server. */
    public interface Lookup {
        InetAddress[] addressesOf(String host) throws UnknownHostException;
    }

    private final boolean allowPrivateAddresses;
    private final Lookup lookup;

    @Inject
    OutboundUrlGuard(@ConfigProperty(name = "statecraft.webhooks.allow-private-addresses",
            defaultValue = "false") boolean allowPrivateAddresses) {
        this(allowPrivateAddresses, InetAddress::getAllByName);
    }

    OutboundUrlGuard(boolean allowPrivateAddresses, Lookup lookup) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.lookup = lookup;
    }

    public static OutboundUrlGuard of(boolean allowPrivateAddresses) {
        return new OutboundUrlGuard(allowPrivateAddresses);
    }

    public static OutboundUrlGuard of(boolean allowPrivateAddresses, Lookup lookup) {
        return new OutboundUrlGuard(allowPrivateAddresses, lookup);
    }

    /** The parsed URL, or a {@link RefusedUrlException} saying why it may not be called. */
    public URI check(String url) {
        URI uri = parse(url);
        if (!allowPrivateAddresses) {
            resolve(hostOf(uri));
        }
        return uri;
    }

    /** The addresses of a host, all of them public unless private ones are allowed; else refused. */
    InetAddress[] resolve(String host) {
        InetAddress[] addresses;
        try {
            addresses = lookup.addressesOf(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("webhook_url host '" + host + "' does not resolve");
        }
        if (!allowPrivateAddresses) {
            for (InetAddress address : addresses) {
                nonPublicReason(address).ifPresent(reason -> {
                    throw new RefusedUrlException("webhook_url host '" + host + "' resolves to "
                            + address.getHostAddress() + ", a " + reason + " address; only public addresses are allowed");
                });
            }
        }
        return addresses;
    }

    /**
     * This guard as an HTTP client's DNS resolver: every connection goes to an address checked here, at connect
     * time. A refusal surfaces as {@link RefusedAddressException}.
     */
    public DnsResolver dnsResolver() {
        return new DnsResolver() {
            @Override
            public InetAddress[] resolve(String host) throws UnknownHostException {
                try {
                    return OutboundUrlGuard.this.resolve(unbracketed(host));
                } catch (RefusedUrlException e) {
                    throw new RefusedAddressException(e.getMessage());
                }
            }

            @Override
            public String resolveCanonicalHostname(String host) {
                return host;
            }
        };
    }

    /** The connection was refused by the guard (not a DNS failure). */
    public static class RefusedAddressException extends UnknownHostException {
        RefusedAddressException(String message) {
            super(message);
        }
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
        return unbracketed(uri.getHost());
    }

    // IPv6 literals come bracketed from URI
    private static String unbracketed(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    /** The URL may not be called; the message is safe to show to the subscriber. */
    public static class RefusedUrlException extends RuntimeException {
        public RefusedUrlException(String message) {
            super(message);
        }
    }
}
