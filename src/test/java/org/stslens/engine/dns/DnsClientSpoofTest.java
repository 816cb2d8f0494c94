package org.stslens.engine.dns;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stslens.engine.net.CancelScope;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A reply with a wrong message id is dropped and the genuine one awaited (RFC 5452 §9.1). */
class DnsClientSpoofTest {

  /** Answers each query first with a forged id (and a false address), then, later, truly. */
  private static Thread spoofingServer(DatagramSocket socket, AtomicInteger forged) {
    Thread t =
        new Thread(
            () -> {
              byte[] buf = new byte[4096];
              while (!socket.isClosed()) {
                try {
                  DatagramPacket p = new DatagramPacket(buf, buf.length);
                  socket.receive(p);
                  Message q =
                      new Message(java.util.Arrays.copyOfRange(p.getData(), 0, p.getLength()));
                  Message fake = answer(q, "192.0.2.66");
                  fake.getHeader().setID((q.getHeader().getID() + 1) & 0xffff);
                  send(socket, fake, p);
                  forged.incrementAndGet();
                  // a datagram that is no DNS message at all
                  socket.send(
                      new DatagramPacket(new byte[] {1, 2, 3}, 3, p.getAddress(), p.getPort()));
                  Thread.sleep(300);
                  send(socket, answer(q, "127.0.0.42"), p);
                } catch (Exception e) {
                  return;
                }
              }
            });
    t.setDaemon(true);
    t.start();
    return t;
  }

  private static Message answer(Message q, String address) throws Exception {
    Message r = new Message(q.getHeader().getID());
    r.getHeader().setFlag(Flags.QR);
    r.getHeader().setFlag(Flags.RA);
    r.addRecord(q.getQuestion(), Section.QUESTION);
    r.addRecord(
        new ARecord(q.getQuestion().getName(), DClass.IN, 60, InetAddress.getByName(address)),
        Section.ANSWER);
    return r;
  }

  private static void send(DatagramSocket socket, Message m, DatagramPacket to) throws Exception {
    byte[] wire = m.toWire();
    socket.send(new DatagramPacket(wire, wire.length, to.getAddress(), to.getPort()));
  }

  @Test
  void aReplyWithAWrongIdIsIgnoredAndTheGenuineOneAwaited() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      AtomicInteger forged = new AtomicInteger();
      spoofingServer(server, forged);
      DnsClient client =
          new DnsClient(
              DnsSettings.server(
                      new InetSocketAddress(
                          InetAddress.getLoopbackAddress(), server.getLocalPort()))
                  .withTimeout(Duration.ofSeconds(3)),
              new CancelScope());

      DnsQuery q = client.query("host.example.test", Type.A);

      assertThat(forged.get()).isPositive();
      assertThat(q.outcome()).as(q.error().orElse("")).isNotEqualTo(DnsOutcome.TEMPORARY);
      assertThat(DnsClient.addresses(q)).containsExactly(InetAddress.getByName("127.0.0.42"));
    }
  }

  @Test
  void onlyTheForgedReplyIsATimeoutNotAnAnswer() throws Exception {
    try (DatagramSocket server = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      Thread t =
          new Thread(
              () -> {
                byte[] buf = new byte[4096];
                try {
                  DatagramPacket p = new DatagramPacket(buf, buf.length);
                  server.receive(p);
                  Message q =
                      new Message(java.util.Arrays.copyOfRange(p.getData(), 0, p.getLength()));
                  Message fake = answer(q, "192.0.2.66");
                  fake.getHeader().setID((q.getHeader().getID() + 1) & 0xffff);
                  send(server, fake, p);
                } catch (Exception e) {
                  // closed
                }
              });
      t.setDaemon(true);
      t.start();
      DnsClient client =
          new DnsClient(
              DnsSettings.server(
                      new InetSocketAddress(
                          InetAddress.getLoopbackAddress(), server.getLocalPort()))
                  .withTimeout(Duration.ofMillis(600)),
              new CancelScope());

      DnsQuery q = client.query("host.example.test", Type.A);

      assertThat(q.outcome()).isEqualTo(DnsOutcome.TEMPORARY);
      assertThat(q.error().orElse("")).startsWith("timeout");
      assertThat(q.answers()).isEmpty();
    }
  }
}
