package dev.statecraft.support.ratelimit;

/** Who a request comes from, for rate limiting. */
final class ClientAddress {
    private ClientAddress() {
    }

    /**
     * The peer's address; behind a trusted reverse proxy ({@code trustForwardedFor}), the address that proxy
     * saw, which is the last entry of {@code X-Forwarded-For} (entries before it are whatever the client
     * wrote, so they cannot be trusted). Without that setting the header is ignored: anyone can send it.
     */
    static String of(String remoteAddress, String forwardedFor, boolean trustForwardedFor) {
        if (trustForwardedFor && forwardedFor != null && !forwardedFor.isBlank()) {
            String[] hops = forwardedFor.split(",");
            String last = hops[hops.length - 1].trim();
            if (!last.isEmpty() && last.length() <= 100) {
                return last;
            }
        }
        return remoteAddress == null ? "unknown" : remoteAddress;
    }
}
