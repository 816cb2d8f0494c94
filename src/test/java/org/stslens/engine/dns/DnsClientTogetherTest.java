package org.stslens.engine.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.net.CancelScope;
import org.stslens.lab.LabDnsServer;
import org.xbill.DNS.Type;

/** {@link DnsClient#queryTogether} asks its questions at once, not one after the other. */
class DnsClientTogetherTest {

  private static final String HOST = "mta-sts.example.test";

  private static DnsClient client(InetSocketAddress server) {
    return new DnsClient(
        new DnsSettings(List.of(server), Duration.ofMillis(1500), 0), new CancelScope());
  }

  private static LabDnsServer.Builder heldServer() {
    // the A answer goes out only once the AAAA question has arrived
    return LabDnsServer.builder()
        .a(HOST, "192.0.2.7")
        .aaaa(HOST, "2001:db8::7")
        .holdUntilAsked(HOST, Type.A, HOST, Type.AAAA);
  }

  @Test
  void bothAnswersComeBackInTheOrderAsked() throws Exception {
    try (LabDnsServer dns = heldServer().start()) {
      List<DnsQuery> answers = client(dns.address()).queryTogether(HOST, Type.A, Type.AAAA);

      assertThat(answers).extracting(DnsQuery::type).containsExactly("A", "AAAA");
      assertThat(answers).extracting(DnsQuery::outcome).containsOnly(DnsOutcome.ANSWER);
      assertThat(answers.get(0).records().get(0).data()).isEqualTo("192.0.2.7");
      assertThat(answers.get(1).records().get(0).data()).isEqualTo("2001:db8:0:0:0:0:0:7");
      assertThat(dns.queryCount(HOST, Type.A)).isEqualTo(1);
      assertThat(dns.queryCount(HOST, Type.AAAA)).isEqualTo(1);
    }
  }

  @Test
  void theInstrumentHoldsAQuestionAskedAlone() throws Exception {
    try (LabDnsServer dns = heldServer().start()) {
      DnsQuery alone = client(dns.address()).query(HOST, Type.A);

      assertThat(alone.outcome()).isEqualTo(DnsOutcome.TEMPORARY);
      assertThat(alone.failure().map(DnsFailure::kind)).contains(DnsFailure.Kind.TIMEOUT);
    }
  }

  @Test
  void aCancelledScopeEndsTheQueriesOnTheHelperThreadsToo() throws Exception {
    try (LabDnsServer dns = LabDnsServer.builder().drop(HOST).start()) {
      CancelScope scope = new CancelScope();
      DnsClient client =
          new DnsClient(new DnsSettings(List.of(dns.address()), Duration.ofSeconds(30), 0), scope);
      Thread canceller =
          new Thread(
              () -> {
                while (dns.queryCount(HOST, Type.AAAA) == 0 || dns.queryCount(HOST, Type.A) == 0) {
                  Thread.onSpinWait();
                }
                scope.cancel();
              });
      canceller.start();

      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> client.queryTogether(HOST, Type.A, Type.AAAA))
          .isInstanceOf(InterruptedException.class);
      canceller.join();
    }
  }
}
