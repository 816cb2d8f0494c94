package org.stslens.engine.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stslens.engine.net.CancelScope;
import org.stslens.lab.LabDnsServer;
import org.xbill.DNS.Type;

/**
 * Each way a DNS query fails ends as its own {@link DnsFailure.Kind}, and the client decides what
 * to retry on that kind: a silent server is asked again, one that said SERVFAIL or REFUSED is not.
 */
class DnsClientFailureTest {

  private static final String NAME = "_mta-sts.example.test.";

  private static DnsClient client(InetSocketAddress server, int retries) {
    return new DnsClient(
        new DnsSettings(List.of(server), Duration.ofMillis(300), retries), new CancelScope());
  }

  @Test
  void servfailIsItsOwnKindAndNotAskedAgain() throws Exception {
    try (LabDnsServer dns = LabDnsServer.builder().servfail(NAME, Type.TXT).start()) {
      DnsQuery q = client(dns.address(), 2).query(NAME, Type.TXT);

      assertThat(q.outcome()).isEqualTo(DnsOutcome.TEMPORARY);
      assertThat(q.failure().map(DnsFailure::kind)).contains(DnsFailure.Kind.SERVFAIL);
      assertThat(q.rcode()).isEqualTo("SERVFAIL");
      assertThat(q.error()).contains("SERVFAIL from " + q.server());
      assertThat(dns.queryCount(NAME, Type.TXT)).isEqualTo(1);
    }
  }

  @Test
  void refusedIsItsOwnKindAndNotAskedAgain() throws Exception {
    try (LabDnsServer dns = LabDnsServer.builder().refused(NAME, Type.TXT).start()) {
      DnsQuery q = client(dns.address(), 2).query(NAME, Type.TXT);

      assertThat(q.failure().map(DnsFailure::kind)).contains(DnsFailure.Kind.REFUSED);
      assertThat(q.error()).contains("REFUSED from " + q.server());
      assertThat(dns.queryCount(NAME, Type.TXT)).isEqualTo(1);
    }
  }

  @Test
  void silenceIsATimeoutAndAskedAgain() throws Exception {
    try (LabDnsServer dns = LabDnsServer.builder().drop(NAME, Type.TXT).start()) {
      DnsQuery q = client(dns.address(), 2).query(NAME, Type.TXT);

      assertThat(q.failure().map(DnsFailure::kind)).contains(DnsFailure.Kind.TIMEOUT);
      assertThat(q.rcode()).isEqualTo("TIMEOUT");
      assertThat(q.error()).contains("timeout: no answer from " + q.server() + " within 300 ms");
      assertThat(dns.queryCount(NAME, Type.TXT)).isEqualTo(3);
    }
  }

  @Test
  void aClosedPortIsPortUnreachableNotATimeout() throws Exception {
    InetSocketAddress closed;
    try (DatagramSocket socket = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      closed = new InetSocketAddress(InetAddress.getLoopbackAddress(), socket.getLocalPort());
    }
    DnsQuery q = client(closed, 0).query(NAME, Type.TXT);

    assertThat(q.failure().map(DnsFailure::kind)).contains(DnsFailure.Kind.PORT_UNREACHABLE);
    assertThat(q.rcode()).isEqualTo("ERROR");
    assertThat(q.error().orElseThrow()).endsWith("nothing answers DNS there (port unreachable)");
  }

  @Test
  void anInvalidNameIsNeverSent() throws Exception {
    try (LabDnsServer dns = LabDnsServer.builder().start()) {
      DnsQuery q = client(dns.address(), 1).query("a..b.example.test", Type.TXT);

      assertThat(q.failure().map(DnsFailure::kind)).contains(DnsFailure.Kind.INVALID_NAME);
      assertThat(q.error().orElseThrow()).startsWith("not a valid DNS name: ");
      assertThat(dns.totalQueries()).isZero();
    }
  }

  @Test
  void aSpentTimeLimitIsATimeoutWithoutAsking() throws Exception {
    try (LabDnsServer dns = LabDnsServer.builder().txt(NAME, "v=STSv1; id=1").start()) {
      DnsQuery q = client(dns.address(), 0).until(System.nanoTime() - 1).query(NAME, Type.TXT);

      assertThat(q.failure().map(DnsFailure::kind)).contains(DnsFailure.Kind.TIME_LIMIT_SPENT);
      assertThat(q.rcode()).isEqualTo("TIMEOUT");
      assertThat(dns.totalQueries()).isZero();
    }
  }

  @Test
  void eachKindHasItsOwnWords() {
    assertThat(new DnsFailure(DnsFailure.Kind.OTHER_RCODE, "192.0.2.1:53", "NOTIMP").message())
        .isEqualTo("NOTIMP from 192.0.2.1:53");
    assertThat(new DnsFailure(DnsFailure.Kind.CHECK_TIME_LIMIT, "", "30 s").message())
        .isEqualTo("timeout: the check's time limit (30 s) ran out first");
    for (DnsFailure.Kind kind : DnsFailure.Kind.values()) {
      DnsFailure failure = new DnsFailure(kind, "192.0.2.1:53", "x");
      assertThat(failure.rcodeWord()).isEqualTo(failure.isTimeout() ? "TIMEOUT" : "ERROR");
    }
  }
}
