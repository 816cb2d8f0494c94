package org.stslens.engine.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DnsSettingsTest {

  @Test
  void ipv4WithAndWithoutPort() {
    assertThat(DnsSettings.parseServer("127.0.0.1").getPort()).isEqualTo(53);
    assertThat(DnsSettings.parseServer("127.0.0.1:5353").getPort()).isEqualTo(5353);
  }

  @Test
  void ipv6BareAndBracketed() {
    assertThat(DnsSettings.parseServer("::1").getAddress().getHostAddress()).contains(":");
    assertThat(DnsSettings.parseServer("[::1]:5353").getPort()).isEqualTo(5353);
  }

  @Test
  void namesAreRefusedBecauseResolvingThemWouldUseTheSystemResolver() {
    assertThatThrownBy(() -> DnsSettings.parseServer("dns.example.com"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an IP address");
  }

  @Test
  void badPortsAreRefused() {
    assertThatThrownBy(() -> DnsSettings.parseServer("127.0.0.1:0"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DnsSettings.parseServer("127.0.0.1:x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
