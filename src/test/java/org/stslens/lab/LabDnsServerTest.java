package org.stslens.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class LabDnsServerTest {

  private static Message ask(LabDnsServer server, String name, int type) throws IOException {
    return ask(server, name, type, Duration.ofSeconds(2));
  }

  private static Message ask(LabDnsServer server, String name, int type, Duration timeout)
      throws IOException {
    SimpleResolver resolver = new SimpleResolver(server.address());
    resolver.setTimeout(timeout);
    Record question = Record.newRecord(Name.fromString(name, Name.root), type, DClass.IN);
    return resolver.send(Message.newQuery(question));
  }

  @Test
  void txtRecordKeepsItsSplitCharacterStrings() throws IOException {
    try (LabDnsServer server =
        LabDnsServer.builder().txt("_mta-sts.example.com", "v=STSv1; ", "id=20240101;").start()) {
      Message reply = ask(server, "_mta-sts.example.com.", Type.TXT);

      assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(reply.getHeader().getFlag(Flags.RA)).isTrue();
      assertThat(reply.getHeader().getFlag(Flags.AD)).isFalse();
      List<Record> answer = reply.getSection(Section.ANSWER);
      assertThat(answer).hasSize(1);
      assertThat(((TXTRecord) answer.get(0)).getStrings())
          .containsExactly("v=STSv1; ", "id=20240101;");
      assertThat(server.queryCount("_mta-sts.example.com", Type.TXT, "udp")).isEqualTo(1);
      assertThat(server.queryCount("_MTA-STS.example.com.", Type.TXT, "tcp")).isZero();
    }
  }

  @Test
  void followsCnameChainAndReturnsItWithTheFinalAnswer() throws IOException {
    try (LabDnsServer server =
        LabDnsServer.builder()
            .cname("_mta-sts.example.com", "_mta-sts.hop.example.net")
            .cname("_mta-sts.hop.example.net", "sts.provider.example.")
            .txt("sts.provider.example", "v=STSv1; id=1")
            .start()) {
      List<Record> answer =
          ask(server, "_mta-sts.example.com", Type.TXT).getSection(Section.ANSWER);

      assertThat(answer)
          .extracting(Record::getType)
          .containsExactly(Type.CNAME, Type.CNAME, Type.TXT);
      assertThat(((CNAMERecord) answer.get(1)).getTarget())
          .isEqualTo(Name.fromString("sts.provider.example."));
    }
  }

  @Test
  void foreignAnswerIsAddedToAnswersOfItsTypeAndClaimsTheNameExists() throws IOException {
    try (LabDnsServer server =
        LabDnsServer.builder()
            .txt("_mta-sts.own.example", "v=STSv1; id=own")
            .foreignAnswer("_mta-sts.own.example", "unrelated.example. TXT \"v=STSv1; id=999\"")
            .foreignAnswer("_mta-sts.none.example", "unrelated.example. TXT \"v=STSv1; id=999\"")
            .start()) {
      List<Record> both = ask(server, "_mta-sts.own.example", Type.TXT).getSection(Section.ANSWER);
      Message alone = ask(server, "_mta-sts.none.example", Type.TXT);
      Message otherType = ask(server, "_mta-sts.none.example", Type.A);

      assertThat(both)
          .extracting(r -> r.getName().toString())
          .containsExactly("_mta-sts.own.example.", "unrelated.example.");
      assertThat(alone.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(((TXTRecord) alone.getSection(Section.ANSWER).get(0)).getStrings())
          .containsExactly("v=STSv1; id=999");
      assertThat(otherType.getRcode()).isEqualTo(Rcode.NXDOMAIN);
      assertThat(otherType.getSection(Section.ANSWER)).isEmpty();
    }
  }

  @Test
  void foreignAnswerInPresentationFormMustHaveOwnerTypeAndData() {
    assertThatThrownBy(() -> LabDnsServer.builder().foreignAnswer("a.example", "TXT \"x\""))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LabDnsServer.builder().foreignAnswer("a.example", "b.example. A x"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a record");
  }

  @Test
  void cnameLoopEndsInServfailAfterTheCap() throws IOException {
    try (LabDnsServer server =
        LabDnsServer.builder()
            .cname("a.example", "b.example")
            .cname("b.example", "a.example")
            .start()) {
      Message reply = ask(server, "a.example", Type.TXT);

      assertThat(reply.getRcode()).isEqualTo(Rcode.SERVFAIL);
      assertThat(reply.getSection(Section.ANSWER)).hasSize(DnsAnswers.MAX_CNAME_LINKS);
    }
  }

  @Test
  void distinguishesNxdomainFromNodata() throws IOException {
    try (LabDnsServer server =
        LabDnsServer.builder().a("mx.deep.example.com", "192.0.2.1").start()) {
      assertThat(ask(server, "missing.example.com", Type.TXT).getRcode()).isEqualTo(Rcode.NXDOMAIN);

      Message nodata = ask(server, "mx.deep.example.com", Type.AAAA);
      assertThat(nodata.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(nodata.getSection(Section.ANSWER)).isEmpty();

      Message emptyNonTerminal = ask(server, "deep.example.com", Type.TXT);
      assertThat(emptyNonTerminal.getRcode()).isEqualTo(Rcode.NOERROR);
      assertThat(emptyNonTerminal.getSection(Section.ANSWER)).isEmpty();
    }
  }

  @Test
  void servesNullMxAndAddresses() throws IOException {
    try (LabDnsServer server =
        LabDnsServer.builder()
            .mx("example.com", 0, ".")
            .mx("example.org", 10, "mx1.example.org")
            .aaaa("mx1.example.org", "::1")
            .start()) {
      MXRecord nullMx =
          (MXRecord) ask(server, "example.com", Type.MX).getSection(Section.ANSWER).get(0);
      assertThat(nullMx.getTarget()).isEqualTo(Name.root);
      assertThat(nullMx.getPriority()).isZero();
      assertThat(ask(server, "mx1.example.org", Type.AAAA).getSection(Section.ANSWER)).hasSize(1);
    }
  }

  @Test
  void answersServfailAndRefusedPerName() throws IOException {
    try (LabDnsServer server =
        LabDnsServer.builder()
            .txt("ok.example", "fine")
            .servfail("broken.example")
            .refused("ok.example", Type.MX)
            .start()) {
      assertThat(ask(server, "broken.example", Type.TXT).getRcode()).isEqualTo(Rcode.SERVFAIL);
      assertThat(ask(server, "ok.example", Type.MX).getRcode()).isEqualTo(Rcode.REFUSED);
      assertThat(ask(server, "ok.example", Type.TXT).getRcode()).isEqualTo(Rcode.NOERROR);
    }
  }

  @Test
  void droppedQueryTimesOutTheClient() {
    try (LabDnsServer server = LabDnsServer.builder().drop("silent.example").start()) {
      assertThatThrownBy(() -> ask(server, "silent.example", Type.TXT, Duration.ofMillis(300)))
          .isInstanceOf(IOException.class);
      assertThat(server.queryCount("silent.example", Type.TXT, "udp")).isGreaterThanOrEqualTo(1);
    }
  }

  @Test
  void truncationMakesTheClientRetryOverTcp() throws IOException {
    try (LabDnsServer server =
        LabDnsServer.builder()
            .txt("big.example", "v=STSv1; id=x")
            .truncate("big.example")
            .start()) {
      Message reply = ask(server, "big.example", Type.TXT);

      assertThat(reply.getHeader().getFlag(Flags.TC)).isFalse();
      assertThat(reply.getSection(Section.ANSWER)).hasSize(1);
      assertThat(server.queryCount("big.example", Type.TXT, "udp")).isEqualTo(1);
      assertThat(server.queryCount("big.example", Type.TXT, "tcp")).isEqualTo(1);
    }
  }

  @Test
  void garbageReplyFailsToParse() {
    try (LabDnsServer server = LabDnsServer.builder().garbage("junk.example").start()) {
      assertThatThrownBy(() -> ask(server, "junk.example", Type.TXT, Duration.ofMillis(500)))
          .isInstanceOf(IOException.class);
    }
  }

  @Test
  void setsAdFlagWhenConfigured() throws IOException {
    try (LabDnsServer server =
        LabDnsServer.builder().txt("signed.example", "x").authenticData(true).start()) {
      assertThat(ask(server, "signed.example", Type.TXT).getHeader().getFlag(Flags.AD)).isTrue();
    }
  }

  @Test
  void delaysReplies() throws IOException {
    try (LabDnsServer server =
        LabDnsServer.builder()
            .txt("slow.example", "x")
            .delay("slow.example", Duration.ofMillis(150))
            .replyDelay(Duration.ofMillis(50))
            .start()) {
      long start = System.nanoTime();
      ask(server, "slow.example", Type.TXT);
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(200));
    }
  }

  @Test
  void answersSeveralQueriesOnOneTcpConnectionAndIgnoresJunk() throws IOException {
    try (LabDnsServer server = LabDnsServer.builder().a("host.example", "192.0.2.7").start();
        java.net.Socket socket = new java.net.Socket()) {
      socket.connect(server.address(), 1000);
      socket.setSoTimeout(2000);
      java.io.DataOutputStream out = new java.io.DataOutputStream(socket.getOutputStream());
      java.io.DataInputStream in = new java.io.DataInputStream(socket.getInputStream());
      byte[] junk = {1, 2, 3};
      out.writeShort(junk.length);
      out.write(junk);
      for (int id = 1; id <= 2; id++) {
        Message query =
            Message.newQuery(Record.newRecord(Name.fromString("host.example."), Type.A, DClass.IN));
        query.getHeader().setID(id);
        byte[] wire = query.toWire();
        out.writeShort(wire.length);
        out.write(wire);
      }
      out.flush();
      for (int id = 1; id <= 2; id++) {
        byte[] reply = new byte[in.readUnsignedShort()];
        in.readFully(reply);
        Message message = new Message(reply);
        assertThat(message.getHeader().getID()).isEqualTo(id);
        assertThat(message.getSection(Section.ANSWER)).hasSize(1);
      }
    }
  }

  @Test
  void refusesToBindOutsideLoopback() throws IOException {
    assertThatThrownBy(() -> LabDnsServer.builder().bind(InetAddress.getByName("192.0.2.1")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
