package dev.statecraft.ingest.identity;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How a document is recognised when it comes again: by its canonical source URL where it has one, else by a
 * hash of its normalised content. The announcement id is derived from that key, so it is stable across
 * retries, restarts and re-ingest.
 */
public final class AnnouncementIdentity {
    private static final char[] BASE32 = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private AnnouncementIdentity() {
    }

    public static String dedupeKey(String canonicalUrl, String contentHash) {
        return canonicalUrl != null ? "url:" + canonicalUrl : "hash:" + contentHash;
    }

    /** {@code ann_} and 26 characters of Crockford base32 of the key's SHA-256 (130 bits). */
    public static String idFor(String dedupeKey) {
        byte[] digest = sha256(dedupeKey);
        StringBuilder id = new StringBuilder("ann_");
        int buffer = 0;
        int bits = 0;
        for (int i = 0; i < 17 && id.length() < 30; i++) {
            buffer = (buffer << 8) | (digest[i] & 0xff);
            bits += 8;
            while (bits >= 5 && id.length() < 30) {
                id.append(BASE32[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return id.toString();
    }

    /**
     * The URL as it identifies a document: http(s) only, lower-case scheme and host, default port, fragment,
     * tracking parameters and a trailing slash dropped. Null when there is no usable URL.
     */
    public static String canonicalUrl(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(url.trim()).normalize();
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!"http".equals(scheme) && !"https".equals(scheme) || uri.getHost() == null) {
            return null;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80) || ("https".equals(scheme) && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(p -> !p.isEmpty() && !isTracking(p))
                .sorted()
                .collect(Collectors.joining("&"));
        // Same document over http and https: one identity.
        return "https://" + host + (defaultPort ? "" : ":" + port) + path
                + (query == null || query.isEmpty() ? "" : "?" + query);
    }

    /** SHA-256 (hex) of the text with Unicode, case and white space normalised. */
    public static String contentHash(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC)
                .toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ")
                .trim();
        return HexFormat.of().formatHex(sha256(normalised));
    }

    private static boolean isTracking(String parameter) {
        String name = parameter.split("=", 2)[0].toLowerCase(Locale.ROOT);
        return name.startsWith("utm_") || name.equals("fbclid") || name.equals("gclid");
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
