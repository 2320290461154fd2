package dev.statecraft.ingest.sources;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Fetches publishers' documents over HTTP(S), refusing what a feed must not make us reach: hosts outside
 * the allow-list (when one is configured) and private, loopback or link-local addresses (unless allowed, for
 * tests). Redirects are followed by hand so that every hop is checked. Bodies are read up to a limit.
 */
public class SafeFetcher {
    private static final int MAX_REDIRECTS = 5;
    private static final String USER_AGENT = "statecraft-feed-ingest/0.1 (feed poller)";

    private final HttpClient client;
    private final boolean allowPrivateAddresses;
    private final List<String> allowedHosts;

    /** @param allowedHosts hosts (and their subdomains) that may be fetched; empty = any public host */
    public SafeFetcher(boolean allowPrivateAddresses, List<String> allowedHosts) {
        this.allowPrivateAddresses = allowPrivateAddresses;
        this.allowedHosts = allowedHosts.stream().map(h -> h.trim().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).toList();
        this.client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** A fetched document, or {@code notModified} when the validators sent still hold. */
    public record Fetched(boolean notModified, int status, byte[] body, String contentType, String etag,
            String lastModified, URI finalUri) {
    }

    /** A fetch that failed; {@code permanent} when trying again later will not help (404, 410, refused host). */
    public static class FetchException extends IOException {
        private final boolean permanent;

        FetchException(String message, boolean permanent) {
            super(message);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    public Fetched fetch(URI uri, String accept, String etag, String lastModified, int maxBytes)
            throws IOException, InterruptedException {
        URI current = uri;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            checkAllowed(current);
            HttpRequest.Builder request = HttpRequest.newBuilder(current).timeout(Duration.ofSeconds(30))
                    .header("User-Agent", USER_AGENT).header("Accept", accept);
            if (etag != null) {
                request.header("If-None-Match", etag);
            }
            if (lastModified != null) {
                request.header("If-Modified-Since", lastModified);
            }
            HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            try (InputStream in = response.body()) {
                if (status == 304) {
                    return new Fetched(true, status, new byte[0], null, etag, lastModified, current);
                }
                if (status >= 300 && status < 400) {
                    Optional<String> location = response.headers().firstValue("Location");
                    if (location.isEmpty()) {
                        throw new FetchException(current + " answered " + status + " without a Location", false);
                    }
                    current = current.resolve(location.get());
                    continue;
                }
                if (status != 200) {
                    throw new FetchException(current + " answered HTTP " + status,
                            status == 404 || status == 410 || status == 401 || status == 403);
                }
                byte[] body = in.readNBytes(maxBytes + 1);
                if (body.length > maxBytes) {
                    throw new FetchException(current + " is larger than " + maxBytes + " bytes", true);
                }
                return new Fetched(false, status, body, response.headers().firstValue("Content-Type").orElse(null),
                        response.headers().firstValue("ETag").orElse(null),
                        response.headers().firstValue("Last-Modified").orElse(null), current);
            }
        }
        throw new FetchException(uri + " redirects more than " + MAX_REDIRECTS + " times", false);
    }

    /** Refuses URLs that are not http(s), hosts off the allow-list, and private addresses. */
    void checkAllowed(URI uri) throws FetchException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null) {
            throw new FetchException("'" + uri + "' is not an absolute http(s) URL", true);
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (!allowedHosts.isEmpty() && allowedHosts.stream().noneMatch(a -> h.equals(a) || h.endsWith("." + a))) {
            throw new FetchException("host " + host + " is not in statecraft.sources.allowed-hosts", true);
        }
        if (allowPrivateAddresses) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new FetchException("host " + host + " is unknown", false);
        }
        for (InetAddress address : addresses) {
            if (isPrivate(address)) {
                throw new FetchException("host " + host + " resolves to a private address (" + address.getHostAddress()
                        + "); refused", true);
            }
        }
    }

    static boolean isPrivate(InetAddress a) {
        byte[] b = a.getAddress();
        boolean uniqueLocalV6 = a instanceof Inet6Address && (b[0] & 0xfe) == 0xfc;
        boolean carrierNat = b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64;
        boolean thisNetwork = b.length == 4 && b[0] == 0;
        return a.isAnyLocalAddress() || a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress()
                || a.isMulticastAddress() || uniqueLocalV6 || carrierNat || thisNetwork;
    }
}
