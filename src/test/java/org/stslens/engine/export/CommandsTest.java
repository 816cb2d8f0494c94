package org.stslens.engine.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stslens.engine.smtp.EndpointProbe;

/** A command in a report reaches what the check reached: the real host, or the lab's port. */
class CommandsTest {

  private static EndpointProbe probe(String ip, int port) throws Exception {
    InetAddress address = InetAddress.getByName(ip);
    return new EndpointProbe(
        "mx1.example.com",
        address,
        new InetSocketAddress(address, port),
        List.of(),
        Optional.empty(),
        true,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Map.of());
  }

  @Test
  void aRealMxGetsTheRealCommand() throws Exception {
    assertThat(Commands.openssl(probe("192.0.2.1", 25)))
        .isEqualTo(
            "openssl s_client -starttls smtp -connect mx1.example.com:25"
                + " -servername mx1.example.com");
  }

  @Test
  void aLabMxGetsItsAddressPortAndCa() throws Exception {
    assertThat(Commands.openssl(probe("127.0.0.3", 40125)))
        .isEqualTo(
            "openssl s_client -starttls smtp -connect 127.0.0.3:40125"
                + " -servername mx1.example.com -CAfile LAB-CA.pem");
    assertThat(Commands.openssl(probe("::1", 40125))).contains("-connect [0:0:0:0:0:0:0:1]:40125");
  }
}
