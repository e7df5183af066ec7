package org.telehealth.media.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingTargetsTest {

    private final RecordingTargets loopbackOnly = new RecordingTargets(List.of("127.0.0.0/8", "::1/128"));

    @Test
    void shouldResolveALoopbackAddressByDefault() {
        assertThat(loopbackOnly.resolve("127.0.0.1", 5004)).isEqualTo(new InetSocketAddress("127.0.0.1", 5004));
        assertThat(loopbackOnly.resolve("127.8.9.10", 1).getAddress().getHostAddress()).isEqualTo("127.8.9.10");
        assertThat(loopbackOnly.resolve("::1", 65_535).getPort()).isEqualTo(65_535);
        assertThat(loopbackOnly.resolve("localhost", 5004).getAddress().isLoopbackAddress()).isTrue();
    }

    @Test
    void shouldRefuseAddressesOutsideTheAllowedNetworks() {
        assertStatus(() -> loopbackOnly.resolve("192.0.2.10", 5004), 403);
        assertStatus(() -> loopbackOnly.resolve("10.0.0.1", 5004), 403);
        assertStatus(() -> loopbackOnly.resolve("::ffff:192.0.2.10", 5004), 403);
    }

    @Test
    void shouldAllowTheConfiguredNetworksToTheirPrefixBit() {
        RecordingTargets recorders = new RecordingTargets(List.of("10.20.0.0/14", "fd00:1::/32"));

        assertThat(recorders.resolve("10.23.255.255", 5004).getPort()).isEqualTo(5004);
        assertStatus(() -> recorders.resolve("10.24.0.0", 5004), 403);
        assertThat(recorders.resolve("fd00:1:ffff::5", 5004).getPort()).isEqualTo(5004);
        assertStatus(() -> recorders.resolve("fd00:2::5", 5004), 403);
        assertStatus(() -> recorders.resolve("127.0.0.1", 5004), 403);
    }

    @Test
    void shouldNeverSendToWildcardMulticastOrBroadcastAddressesWhateverIsAllowed() {
        RecordingTargets everything = new RecordingTargets(List.of("0.0.0.0/0", "::/0"));

        assertStatus(() -> everything.resolve("0.0.0.0", 5004), 403);
        assertStatus(() -> everything.resolve("224.0.0.1", 5004), 403);
        assertStatus(() -> everything.resolve("255.255.255.255", 5004), 403);
        assertStatus(() -> everything.resolve("::", 5004), 403);
    }

    @Test
    void shouldRejectMalformedHostsAndPortsAsBadRequests() {
        assertStatus(() -> loopbackOnly.resolve(null, 5004), 400);
        assertStatus(() -> loopbackOnly.resolve("", 5004), 400);
        assertStatus(() -> loopbackOnly.resolve("127.0.0.1/8", 5004), 400);
        assertStatus(() -> loopbackOnly.resolve("http://127.0.0.1", 5004), 400);
        assertStatus(() -> loopbackOnly.resolve("127.0.0.1", 0), 400);
        assertStatus(() -> loopbackOnly.resolve("127.0.0.1", 65_536), 400);
        assertStatus(() -> loopbackOnly.resolve("127.0.0.1", null), 400);
        assertStatus(() -> loopbackOnly.resolve("no-such-host.invalid", 5004), 400);
    }

    @Test
    void shouldFailOnAMalformedBlockInTheConfiguration() {
        for (String block : List.of("127.0.0.0/33", "localhost/8", "127.0.0.0/x", "::1/129")) {
            assertThatThrownBy(() -> new RecordingTargets(List.of(block))).as(block).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static void assertStatus(Runnable call, int status) {
        assertThatThrownBy(call::run).isInstanceOf(ControlException.class)
                .extracting(e -> ((ControlException) e).status()).isEqualTo(status);
    }
}
