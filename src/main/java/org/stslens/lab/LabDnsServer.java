package org.stslens.lab;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.BindException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Address;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A DNS server for the lab, answering over UDP and TCP on the same loopback port from a fixed set
 * of records, the way a recursive resolver would (see {@link DnsAnswers}), with per-name
 * misbehaviour: SERVFAIL, REFUSED, silence, delays, forced UDP truncation and garbage replies.
 * Every query received is counted per name, type and transport so tests can see retries and TCP
 * fallback.
 */
public final class LabDnsServer implements LabServer {

  /** Rule type meaning "whatever the query type". */
  private static final int EVERY_TYPE = -1;

  private static final int CLASSIC_UDP_SIZE = 512;
  private static final Duration TCP_IDLE_TIMEOUT = Duration.ofSeconds(10);
  private static final int BIND_ATTEMPTS = 20;

  private enum Fault {
    SERVFAIL,
    REFUSED,
    DROP,
    TRUNCATE,
    GARBAGE
  }

  private record RuleKey(Name name, int type) {}

  private record CountKey(String name, int type, String transport) {}

  private final DnsAnswers answers;
  private final Map<RuleKey, Fault> faults;
  private final Map<RuleKey, Duration> delays;
  private final Map<RuleKey, RuleKey> holds;
  private final Set<RuleKey> asked = ConcurrentHashMap.newKeySet();
  private final List<HeldReply> held = new ArrayList<>();
  private final Duration replyDelay;
  private final DatagramSocket udp;
  private final ConnectionAcceptor tcp;
  private final InetSocketAddress address;
  private final ScheduledExecutorService udpReplies;
  private final Map<CountKey, AtomicInteger> queryCounts = new ConcurrentHashMap<>();
  private final Thread udpListener;
  private volatile boolean closed;

  private LabDnsServer(Builder builder) throws IOException {
    this.answers =
        new DnsAnswers(
            builder.records,
            builder.foreign,
            builder.authenticData,
            builder.chaseCnames,
            builder.dnssec,
            builder.additionalAddresses);
    this.faults = Map.copyOf(builder.faults);
    this.delays = Map.copyOf(builder.delays);
    this.holds = Map.copyOf(builder.holds);
    this.replyDelay = builder.replyDelay;
    DatagramSocket boundUdp = null;
    ServerSocket boundTcp = null;
    for (int attempt = 1; boundTcp == null; attempt++) {
      boundUdp = new DatagramSocket(new InetSocketAddress(builder.bindAddress, builder.port));
      try {
        boundTcp = new ServerSocket();
        boundTcp.setReuseAddress(true);
        boundTcp.bind(new InetSocketAddress(builder.bindAddress, boundUdp.getLocalPort()), 50);
      } catch (BindException e) {
        // an ephemeral UDP port whose TCP twin is taken: try another pair
        boundTcp.close();
        boundTcp = null;
        boundUdp.close();
        if (builder.port != 0 || attempt == BIND_ATTEMPTS) {
          throw e;
        }
      }
    }
    this.udp = boundUdp;
    this.address = new InetSocketAddress(builder.bindAddress, udp.getLocalPort());
    String name = "lab-dns-" + address.getPort();
    this.udpReplies =
        Executors.newSingleThreadScheduledExecutor(LabThreads.daemon(name + "-reply"));
    this.udpListener = LabThreads.startDaemon(name + "-udp", this::serveUdp);
    this.tcp = new ConnectionAcceptor(boundTcp, name + "-tcp", this::serveTcp);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public InetSocketAddress address() {
    return address;
  }

  @Override
  public int standardPort() {
    return 53;
  }

  /**
   * How many queries for {@code name} (with or without trailing dot, any case) and {@code type}
   * (e.g. {@link Type#TXT}) arrived over {@code transport}, {@code "udp"} or {@code "tcp"}.
   */
  public int queryCount(String name, int type, String transport) {
    if (!transport.equals("udp") && !transport.equals("tcp")) {
      throw new IllegalArgumentException("transport is udp or tcp, not " + transport);
    }
    AtomicInteger count = queryCounts.get(new CountKey(countName(name), type, transport));
    return count == null ? 0 : count.get();
  }

  /** Queries for {@code name} and {@code type} over both transports. */
  public int queryCount(String name, int type) {
    return queryCount(name, type, "udp") + queryCount(name, type, "tcp");
  }

  /** Every query received so far, over both transports. */
  public int totalQueries() {
    return queryCounts.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  @Override
  public void close() {
    closed = true;
    udp.close();
    tcp.close();
    udpReplies.shutdownNow();
    try {
      udpListener.join(1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void serveUdp() {
    byte[] buffer = new byte[65535];
    while (!closed) {
      DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
      try {
        udp.receive(packet);
      } catch (IOException e) {
        continue; // closed, or a transient error; the loop condition decides
      }
      byte[] wire = Arrays.copyOf(packet.getData(), packet.getLength());
      SocketAddress client = packet.getSocketAddress();
      Reply reply = plan(wire, "udp");
      List<HeldReply> due = new ArrayList<>();
      synchronized (held) {
        if (reply != null && reply.awaiting != null && !asked.contains(reply.awaiting)) {
          held.add(new HeldReply(reply, client));
        } else if (reply != null) {
          due.add(new HeldReply(reply, client));
        }
        for (java.util.Iterator<HeldReply> i = held.iterator(); i.hasNext(); ) {
          HeldReply h = i.next();
          if (asked.contains(h.reply().awaiting)) {
            due.add(h);
            i.remove();
          }
        }
      }
      for (HeldReply h : due) {
        if (!schedule(h.reply(), h.client())) {
          return; // closing
        }
      }
    }
  }

  /** A UDP reply kept back until the query it waits for has arrived. */
  private record HeldReply(Reply reply, SocketAddress client) {}

  /** Schedules a UDP reply; false when the server is closing. */
  private boolean schedule(Reply reply, SocketAddress client) {
    Runnable send =
        () -> {
          try {
            udp.send(new DatagramPacket(reply.wire, reply.wire.length, client));
          } catch (IOException e) {
            // the client is gone or the server closed; UDP has nobody to tell
          }
        };
    try {
      // scheduled, not slept, so one slow name never delays the others
      udpReplies.schedule(send, reply.delay.toNanos(), TimeUnit.NANOSECONDS);
      return true;
    } catch (java.util.concurrent.RejectedExecutionException e) {
      return false;
    }
  }

  /** RFC 1035 §4.2.2 framing: two-byte length, then the message; many queries per connection. */
  private void serveTcp(Socket connection) {
    try {
      connection.setSoTimeout((int) TCP_IDLE_TIMEOUT.toMillis());
      DataInputStream in = new DataInputStream(connection.getInputStream());
      DataOutputStream out = new DataOutputStream(connection.getOutputStream());
      while (!closed) {
        byte[] wire = new byte[in.readUnsignedShort()];
        in.readFully(wire);
        Reply reply = plan(wire, "tcp");
        if (reply == null) {
          continue;
        }
        sleep(reply.delay);
        out.writeShort(reply.wire.length);
        out.write(reply.wire);
        out.flush();
      }
    } catch (EOFException e) {
      // the client closed the connection, as clients do after their answer
    } catch (IOException | InterruptedException e) {
      // idle timeout, reset or server close: nothing to answer any more
    }
  }

  /**
   * {@code awaiting}: the query that must have arrived before this reply goes out (UDP), or null.
   */
  private record Reply(byte[] wire, Duration delay, RuleKey awaiting) {
    Reply(byte[] wire, Duration delay) {
      this(wire, delay, null);
    }
  }

  /** The bytes to send for one query and when, or null to stay silent. */
  private Reply plan(byte[] wire, String transport) {
    Message query;
    try {
      query = new Message(wire);
    } catch (IOException e) {
      return null; // malformed: ignored, as servers do with junk
    }
    Record question = query.getQuestion();
    if (question != null) {
      queryCounts
          .computeIfAbsent(
              new CountKey(countName(question.getName()), question.getType(), transport),
              k -> new AtomicInteger())
          .incrementAndGet();
      asked.add(new RuleKey(question.getName(), question.getType()));
    }
    if (query.getHeader().getFlag(Flags.QR)) {
      return null; // a response sent to us; answering it could loop
    }
    Fault fault = question == null ? null : ruleFor(faults, question);
    Duration delay = replyDelay;
    Duration nameDelay = question == null ? null : ruleFor(delays, question);
    if (nameDelay != null) {
      delay = delay.plus(nameDelay);
    }
    if (fault == null) {
      RuleKey awaiting =
          question == null || !transport.equals("udp") ? null : ruleFor(holds, question);
      return new Reply(encode(answers.answer(query), query, transport), delay, awaiting);
    }
    return switch (fault) {
      case DROP -> null;
      case SERVFAIL -> new Reply(DnsAnswers.error(query, Rcode.SERVFAIL).toWire(), delay);
      case REFUSED -> new Reply(DnsAnswers.error(query, Rcode.REFUSED).toWire(), delay);
      case GARBAGE -> new Reply(garbage(query), delay);
      case TRUNCATE -> new Reply(truncatedOverUdp(query, transport), delay);
    };
  }

  private byte[] encode(Message response, Message query, String transport) {
    if (transport.equals("tcp")) {
      return response.toWire();
    }
    OPTRecord opt = query.getOPT();
    int limit = opt == null ? CLASSIC_UDP_SIZE : Math.max(CLASSIC_UDP_SIZE, opt.getPayloadSize());
    return response.toWire(limit); // sets TC itself when the answer does not fit
  }

  private byte[] truncatedOverUdp(Message query, String transport) {
    if (transport.equals("tcp")) {
      return answers.answer(query).toWire();
    }
    Message header = DnsAnswers.error(query, Rcode.NOERROR);
    header.getHeader().setFlag(Flags.TC);
    return header.toWire();
  }

  /**
   * The query's ID (so the client takes it as the reply) followed by a header claiming records that
   * are not there and bytes no parser accepts.
   */
  private static byte[] garbage(Message query) {
    int id = query.getHeader().getID();
    return new byte[] {
      (byte) (id >> 8),
      (byte) id,
      (byte) 0x81,
      (byte) 0x80,
      0,
      1,
      0,
      5,
      0,
      0,
      0,
      0,
      (byte) 0xff,
      'g',
      'a',
      'r',
      'b',
      'a',
      'g',
      'e'
    };
  }

  private static <T> T ruleFor(Map<RuleKey, T> rules, Record question) {
    T exact = rules.get(new RuleKey(question.getName(), question.getType()));
    return exact != null ? exact : rules.get(new RuleKey(question.getName(), EVERY_TYPE));
  }

  private static String countName(Name name) {
    return countName(name.toString(true));
  }

  private static String countName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".") && lower.length() > 1
        ? lower.substring(0, lower.length() - 1)
        : lower;
  }

  private static void sleep(Duration delay) throws InterruptedException {
    if (!delay.isZero()) {
      Thread.sleep(delay.toMillis());
    }
  }

  /** Records and misbehaviour for one server; reusable, each {@link #start()} copies it. */
  public static final class Builder extends LabServerBuilder<Builder, LabDnsServer> {

    private static final long TTL = 300;

    private final List<Record> records = new ArrayList<>();
    private final Map<Name, List<Record>> foreign = new HashMap<>();
    private final Map<RuleKey, Fault> faults = new HashMap<>();
    private final Map<RuleKey, RuleKey> holds = new HashMap<>();
    private final Map<RuleKey, Duration> delays = new HashMap<>();
    private Duration replyDelay = Duration.ZERO;
    private boolean authenticData;
    private boolean chaseCnames = true;
    private boolean additionalAddresses;
    private LabDnssec dnssec;

    private Builder() {
      super("DNS");
    }

    /** Any record, as built with dnsjava; its owner name must be absolute. */
    public Builder record(Record record) {
      if (!record.getName().isAbsolute()) {
        throw new IllegalArgumentException("relative owner name in " + record);
      }
      records.add(record);
      return this;
    }

    /** A TXT record made of the given character-strings (each at most 255 bytes). */
    public Builder txt(String name, String... strings) {
      return record(new TXTRecord(name(name), DClass.IN, TTL, List.of(strings)));
    }

    /** An MX record; {@code mx(name, 0, ".")} is the null MX of RFC 7505. */
    public Builder mx(String name, int preference, String host) {
      return record(new MXRecord(name(name), DClass.IN, TTL, preference, name(host)));
    }

    public Builder a(String name, String ipv4) {
      return record(new ARecord(name(name), DClass.IN, TTL, literal(ipv4, Address.IPv4)));
    }

    public Builder aaaa(String name, String ipv6) {
      return record(new AAAARecord(name(name), DClass.IN, TTL, literal(ipv6, Address.IPv6)));
    }

    public Builder cname(String name, String target) {
      return record(new CNAMERecord(name(name), DClass.IN, TTL, name(target)));
    }

    /**
     * Adds {@code record}, owned by another name, to every answer for {@code question} of the
     * record's type: a broken forwarder or a spoofing attempt. An answer that would be NXDOMAIN
     * becomes NOERROR, as such a server claims.
     */
    public Builder foreignAnswer(String question, Record record) {
      if (!record.getName().isAbsolute()) {
        throw new IllegalArgumentException("relative owner name in " + record);
      }
      foreign.computeIfAbsent(name(question), n -> new ArrayList<>()).add(record);
      return this;
    }

    /**
     * {@link #foreignAnswer(String, Record)} with the record in presentation form: {@code
     * unrelated.example. TXT "v=STSv1; id=999"} (owner, type, data; class IN, TTL 300).
     */
    public Builder foreignAnswer(String question, String record) {
      String[] parts = record.strip().split("\\s+", 3);
      int type = parts.length == 3 ? Type.value(parts[1]) : -1;
      if (type < 0) {
        throw new IllegalArgumentException("not \"owner TYPE data\": " + record);
      }
      try {
        return foreignAnswer(
            question, Record.fromString(name(parts[0]), type, DClass.IN, TTL, parts[2], Name.root));
      } catch (IOException e) {
        throw new IllegalArgumentException("not a record: " + record + " (" + e.getMessage() + ")");
      }
    }

    /** Answer SERVFAIL for every query type at {@code name}. */
    public Builder servfail(String name) {
      return fault(name, EVERY_TYPE, Fault.SERVFAIL);
    }

    public Builder servfail(String name, int type) {
      return fault(name, type, Fault.SERVFAIL);
    }

    /** Answer REFUSED for every query type at {@code name}. */
    public Builder refused(String name) {
      return fault(name, EVERY_TYPE, Fault.REFUSED);
    }

    public Builder refused(String name, int type) {
      return fault(name, type, Fault.REFUSED);
    }

    /** Never answer queries for {@code name}, over either transport: the client times out. */
    public Builder drop(String name) {
      return fault(name, EVERY_TYPE, Fault.DROP);
    }

    public Builder drop(String name, int type) {
      return fault(name, type, Fault.DROP);
    }

    /** Over UDP answer with TC set and no records, forcing a TCP retry; TCP answers fully. */
    public Builder truncate(String name) {
      return fault(name, EVERY_TYPE, Fault.TRUNCATE);
    }

    public Builder truncate(String name, int type) {
      return fault(name, type, Fault.TRUNCATE);
    }

    /** Reply with bytes that carry the query's ID but do not parse as a DNS message. */
    public Builder garbage(String name) {
      return fault(name, EVERY_TYPE, Fault.GARBAGE);
    }

    public Builder garbage(String name, int type) {
      return fault(name, type, Fault.GARBAGE);
    }

    /** Wait this long before replying to queries for {@code name} (added to the reply delay). */
    public Builder delay(String name, Duration delay) {
      return delay(name, EVERY_TYPE, delay);
    }

    public Builder delay(String name, int type, Duration delay) {
      delays.put(new RuleKey(name(name), type), nonNegative(delay));
      return this;
    }

    /**
     * Over UDP, answers {@code name}/{@code type} only once a query for {@code otherName}/{@code
     * otherType} has arrived: a client that asks the two one after the other never gets the first
     * answer (it times out), one that asks them together gets both. For tests of concurrency
     * without clocks.
     */
    public Builder holdUntilAsked(String name, int type, String otherName, int otherType) {
      holds.put(new RuleKey(name(name), type), new RuleKey(name(otherName), otherType));
      return this;
    }

    /** Wait this long before every reply, e.g. 50 ms to imitate a distant resolver. */
    public Builder replyDelay(Duration delay) {
      this.replyDelay = nonNegative(delay);
      return this;
    }

    /** Set the AD (authenticated data) bit on every answer from the data; default off. */
    /**
     * Answers with one CNAME link at a time, as an authoritative server whose targets lie in other
     * zones: the client asks for every link itself (and a per-name delay slows each link).
     */
    public Builder oneCnameLinkPerAnswer() {
      this.chaseCnames = false;
      return this;
    }

    /**
     * MX answers carry the A and AAAA records of their targets in the additional section, as a
     * resolver with them in its cache adds them (BIND); default off, as unbound answers.
     */
    public Builder additionalAddresses() {
      this.additionalAddresses = true;
      return this;
    }

    /** Sign the zones with {@code keys} (DNSSEC records go to queries with the DO bit). */
    public Builder dnssec(LabDnssec keys) {
      this.dnssec = keys;
      return this;
    }

    /** A TLSA record. */
    public Builder tlsa(String name, int usage, int selector, int matchingType, byte[] data) {
      return record(
          new org.xbill.DNS.TLSARecord(
              name(name), DClass.IN, TTL, usage, selector, matchingType, data));
    }

    public Builder authenticData(boolean authenticData) {
      this.authenticData = authenticData;
      return this;
    }

    @Override
    LabDnsServer create() throws IOException {
      return new LabDnsServer(this);
    }

    private Builder fault(String name, int type, Fault fault) {
      faults.put(new RuleKey(name(name), type), fault);
      return this;
    }

    private static Name name(String name) {
      try {
        return Name.fromString(Objects.requireNonNull(name, "name"), Name.root);
      } catch (TextParseException e) {
        throw new IllegalArgumentException("not a DNS name: " + name, e);
      }
    }

    private static InetAddress literal(String ip, int family) {
      try {
        return Address.getByAddress(ip, family);
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("not an IP literal: " + ip, e);
      }
    }

    private static Duration nonNegative(Duration delay) {
      if (delay.isNegative()) {
        throw new IllegalArgumentException("negative delay " + delay);
      }
      return delay;
    }
  }
}
