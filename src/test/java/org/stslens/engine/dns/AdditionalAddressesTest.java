package org.stslens.engine.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which records of an MX answer's additional section count as an MX host's addresses. */
class AdditionalAddressesTest {

  private static DnsAnswer a(String owner, String type, String data) {
    return new DnsAnswer(owner, type, 300, data, List.of());
  }

  private static DnsQuery mx(DnsOutcome outcome, List<DnsAnswer> additional) {
    return new DnsQuery(
        "example.test.",
        "MX",
        "127.0.0.1:53",
        "udp",
        3,
        outcome,
        "NOERROR",
        true,
        List.of(a("example.test.", "MX", "10 mx1.example.test.")),
        List.of("example.test."),
        Optional.empty(),
        additional);
  }

  @Test
  void theTargetsRecordsOfTheAskedTypeAreTaken() {
    DnsQuery mx =
        mx(
            DnsOutcome.ANSWER,
            List.of(
                a("MX1.example.test.", "A", "192.0.2.1"),
                a("mx1.example.test.", "AAAA", "2001:db8::1"),
                a("mx1.example.test.", "A", "192.0.2.2")));

    DnsQuery v4 = AdditionalAddresses.of(mx, "mx1.example.test", "A").orElseThrow();

    assertThat(v4.name()).isEqualTo("mx1.example.test.");
    assertThat(v4.type()).isEqualTo("A");
    assertThat(v4.outcome()).isEqualTo(DnsOutcome.ANSWER);
    assertThat(DnsClient.addresses(v4))
        .extracting(java.net.InetAddress::getHostAddress)
        .containsExactly("192.0.2.1", "192.0.2.2");
    assertThat(v4.transport()).isEqualTo(AdditionalAddresses.TRANSPORT);
    // the AD flag does not cover the additional section (RFC 4035 §3.2.3)
    assertThat(v4.authenticData()).isFalse();
    assertThat(v4.server()).isEqualTo("127.0.0.1:53");
  }

  @Test
  void recordsOfOtherOwnersAreNotTheHostsAddresses() {
    DnsQuery mx =
        mx(
            DnsOutcome.ANSWER,
            List.of(
                a("evil.example.", "A", "198.51.100.1"),
                a("sub.mx1.example.test.", "A", "198.51.100.2")));

    assertThat(AdditionalAddresses.of(mx, "mx1.example.test", "A")).isEmpty();
  }

  @Test
  void aHostThatIsNoTargetOfTheAnswerGetsNothing() {
    DnsQuery mx = mx(DnsOutcome.ANSWER, List.of(a("mx2.example.test.", "A", "192.0.2.9")));

    assertThat(AdditionalAddresses.of(mx, "mx2.example.test", "A")).isEmpty();
  }

  @Test
  void aMissingFamilyIsAskedNotAssumedAbsent() {
    DnsQuery mx = mx(DnsOutcome.ANSWER, List.of(a("mx1.example.test.", "A", "192.0.2.1")));

    assertThat(AdditionalAddresses.of(mx, "mx1.example.test", "AAAA")).isEmpty();
  }

  @Test
  void onlyAnAnswerToAnMxQuestionCounts() {
    List<DnsAnswer> glue = List.of(a("mx1.example.test.", "A", "192.0.2.1"));

    assertThat(AdditionalAddresses.of(mx(DnsOutcome.TEMPORARY, glue), "mx1.example.test", "A"))
        .isEmpty();
  }
}
