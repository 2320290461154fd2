package dev.statecraft.notify.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class OutboundUrlGuardTest {
    private final OutboundUrlGuard guard = OutboundUrlGuard.of(false);

    @ParameterizedTest
    @ValueSource(strings = {
            "http://127.0.0.1:8080/hook", "http://localhost/hook", "http://127.1.2.3/",
            "http://10.1.2.3/", "http://172.16.0.1/", "http://172.31.255.255/", "http://192.168.1.10/",
            "http://169.254.169.254/latest/meta-data/", "http://100.64.0.1/", "http://100.127.255.254/",
            "http://224.0.0.1/", "http://0.0.0.0/", "http://255.255.255.255/",
            "http://[::1]/", "http://[::]/", "http://[fc00::1]/", "http://[fd12:3456::1]/", "http://[fe80::1]/",
            "http://[ff02::1]/", "http://[::ffff:10.0.0.1]/", "http://[::127.0.0.1]/"})
    void refusesNonPublicAddresses(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(OutboundUrlGuard.RefusedUrlException.class)
                .hasMessageContaining("only public addresses are allowed");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://8.8.8.8/hook", "http://1.1.1.1:8443/x?y=1", "http://172.32.0.1/",
            "http://100.128.0.1/", "https://[2606:4700:4700::1111]/hook"})
    void allowsPublicAddresses(String url) {
        assertThat(guard.check(url).toString()).isEqualTo(url);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://8.8.8.8/", "/relative", "8.8.8.8/hook", "http:///nohost", "mailto:a@b.c",
            "http://user:pw@8.8.8.8/", "http://exa mple.org/", ""})
    void refusesWhatIsNotAnAbsoluteHttpUrl(String url) {
        assertThatThrownBy(() -> guard.check(url)).isInstanceOf(OutboundUrlGuard.RefusedUrlException.class)
                .hasMessageStartingWith("webhook_url");
    }

    @Test
    void privateAddressesPassWhenAllowed() {
        assertThat(OutboundUrlGuard.of(true).check("http://127.0.0.1:8080/hook").getPort()).isEqualTo(8080);
        assertThatThrownBy(() -> OutboundUrlGuard.of(true).check("file:///etc/passwd"))
                .isInstanceOf(OutboundUrlGuard.RefusedUrlException.class);
    }
}
