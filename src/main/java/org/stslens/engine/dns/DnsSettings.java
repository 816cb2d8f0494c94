package org.stslens.engine.dns;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.xbill.DNS.ResolverConfig;

/**
 * Which resolvers to ask and how patiently.
 *
 * @param servers resolvers tried in order; a timeout or SERVFAIL moves on to the next
 * @param timeout per attempt
 * @param retries extra attempts per server after a timeout
 */
public record DnsSettings(List<InetSocketAddress> servers, Duration timeout, int retries) {

  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  public DnsSettings {
    servers = List.copyOf(servers);
    Objects.requireNonNull(timeout, "timeout");
    if (servers.isEmpty()) {
      throw new IllegalArgumentException("no DNS server configured");
    }
    if (retries < 0) {
      throw new IllegalArgumentException("retries must be >= 0");
    }
  }

  /** The system's configured resolvers, as dnsjava reads them (resolv.conf, registry...). */
  public static DnsSettings system() {
    List<InetSocketAddress> servers = ResolverConfig.getCurrentConfig().servers();
    if (servers.isEmpty()) {
      throw new IllegalStateException(
          "no DNS server found in the system configuration; give one with --dns IP[:PORT]");
    }
    return new DnsSettings(servers, DEFAULT_TIMEOUT, 1);
  }

  /** One given server. */
  public static DnsSettings server(InetSocketAddress server) {
    return new DnsSettings(List.of(server), DEFAULT_TIMEOUT, 1);
  }

  public DnsSettings withTimeout(Duration newTimeout) {
    return new DnsSettings(servers, newTimeout, retries);
  }

  /**
   * Parses {@code IP}, {@code IP:PORT}, {@code [IPv6]:PORT} or a bare IPv6 address. Only literal
   * addresses are accepted: resolving a name here would use the system resolver.
   */
  public static InetSocketAddress parseServer(String text) {
    String t = text.trim();
    String host = t;
    int port = 53;
    if (t.startsWith("[")) {
      int close = t.indexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing ] in " + text);
      }
      host = t.substring(1, close);
      if (t.length() > close + 1) {
        if (t.charAt(close + 1) != ':') {
          throw new IllegalArgumentException("expected :PORT after ] in " + text);
        }
        port = parsePort(t.substring(close + 2), text);
      }
    } else if (t.indexOf(':') >= 0 && t.indexOf(':') == t.lastIndexOf(':')) {
      host = t.substring(0, t.indexOf(':'));
      port = parsePort(t.substring(t.indexOf(':') + 1), text);
    }
    if (!org.xbill.DNS.Address.isDottedQuad(host) && !host.contains(":")) {
      throw new IllegalArgumentException("not an IP address: " + host);
    }
    try {
      return new InetSocketAddress(org.xbill.DNS.Address.getByAddress(host), port);
    } catch (java.net.UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + host, e);
    }
  }

  private static int parsePort(String s, String whole) {
    try {
      int p = Integer.parseInt(s);
      if (p < 1 || p > 65535) {
        throw new IllegalArgumentException("port out of range in " + whole);
      }
      return p;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bad port in " + whole, e);
    }
  }
}
