package org.stslens.engine.dns;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.WireParseException;

/**
 * One DNS query over UDP that waits for the genuine answer. dnsjava's {@code SimpleResolver} fails
 * on the first datagram whose id differs from the query's; RFC 5452 §9.1 asks a resolver to accept
 * only a reply that matches id, question and server, and to drop the rest: a spoofed or stray reply
 * must neither be believed nor end the wait for the real one. So datagrams that do not match are
 * ignored until the deadline.
 */
final class UdpExchange implements AutoCloseable {

  private static final int MAX_UDP = 65535;

  private final DatagramSocket socket;

  private UdpExchange(DatagramSocket socket) {
    this.socket = socket;
  }

  /** A socket connected to {@code server}: the system then drops datagrams from other sources. */
  static UdpExchange open(InetSocketAddress server) throws IOException {
    DatagramSocket socket = new DatagramSocket();
    try {
      socket.connect(server);
    } catch (IOException | RuntimeException e) {
      socket.close();
      throw e;
    }
    return new UdpExchange(socket);
  }

  /**
   * Sends {@code query} and returns the first reply that answers it.
   *
   * @throws TimeoutException no matching reply within {@code timeout}
   * @throws IOException the socket failed (e.g. ICMP port unreachable) or was closed
   */
  Message exchange(Message query, Duration timeout) throws IOException, TimeoutException {
    byte[] out = query.toWire(MAX_UDP);
    long deadline = System.nanoTime() + timeout.toNanos();
    socket.send(new DatagramPacket(out, out.length));
    byte[] in = new byte[MAX_UDP];
    while (true) {
      long left = Duration.ofNanos(deadline - System.nanoTime()).toMillis();
      if (left <= 0) {
        throw new TimeoutException("no matching answer within " + timeout.toMillis() + " ms");
      }
      socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, left));
      DatagramPacket packet = new DatagramPacket(in, in.length);
      try {
        socket.receive(packet);
      } catch (SocketTimeoutException e) {
        continue; // the loop head throws once the deadline has passed
      }
      Message reply = parse(packet);
      if (reply != null && answers(reply, query)) {
        return reply;
      }
    }
  }

  private static Message parse(DatagramPacket packet) {
    byte[] wire = java.util.Arrays.copyOfRange(packet.getData(), 0, packet.getLength());
    try {
      return new Message(wire);
    } catch (WireParseException e) {
      return null; // not a DNS message: ignored like any stray datagram
    } catch (IOException e) {
      return null;
    }
  }

  /** Same id, a response, and the question that was asked (RFC 5452 §9.1). */
  static boolean answers(Message reply, Message query) {
    if (reply.getHeader().getID() != query.getHeader().getID()
        || !reply.getHeader().getFlag(org.xbill.DNS.Flags.QR)) {
      return false;
    }
    Record asked = query.getQuestion();
    Record got = reply.getQuestion();
    return got != null
        && got.getName().equals(asked.getName())
        && got.getType() == asked.getType()
        && got.getDClass() == asked.getDClass();
  }

  @Override
  public void close() {
    socket.close();
  }
}
