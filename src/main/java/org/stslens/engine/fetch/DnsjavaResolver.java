package org.stslens.engine.fetch;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.hc.client5.http.DnsResolver;
import org.stslens.engine.dns.DnsClient;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.net.PortMap;
import org.xbill.DNS.Type;

/**
 * Looks up the policy host through our DNS client (never the operating system's resolver), records
 * each query as evidence, and hands HttpClient one chosen address at a time ({@link #pinned}),
 * through the port map so that tests and the lab can serve "port 443" elsewhere on loopback.
 */
final class DnsjavaResolver implements DnsResolver {

  private final DnsClient dns;
  private final PortMap portMap;
  private final List<DnsQuery> queries = new CopyOnWriteArrayList<>();
  private volatile long elapsedMillis;
  private volatile long endNanos;

  DnsjavaResolver(DnsClient dns, PortMap portMap) {
    this.dns = dns;
    this.portMap = portMap;
  }

  List<DnsQuery> queries() {
    return List.copyOf(queries);
  }

  long elapsedMillis() {
    return elapsedMillis;
  }

  /** When the last look-up ended ({@link System#nanoTime()}), 0 before any. */
  long endNanos() {
    return endNanos;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return lookup(host).toArray(new InetAddress[0]);
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    List<InetSocketAddress> out = new ArrayList<>();
    for (InetAddress address : lookup(host)) {
      out.add(portMap.route(address, port));
    }
    return out;
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    return host;
  }

  /** A resolver that gives HttpClient only {@code address}: the fetch picks which one to try. */
  DnsResolver pinned(InetAddress address) {
    return new DnsResolver() {
      @Override
      public InetAddress[] resolve(String host) {
        return new InetAddress[] {address};
      }

      @Override
      public List<InetSocketAddress> resolve(String host, int port) {
        return List.of(portMap.route(address, port));
      }

      @Override
      public String resolveCanonicalHostname(String host) {
        return host;
      }
    };
  }

  /**
   * The A then AAAA addresses of {@code host}, in the order DNS gave them. Both are asked at once:
   * one after the other cost a round trip on the way to the policy.
   */
  List<InetAddress> lookup(String host) throws UnknownHostException {
    long start = System.nanoTime();
    try {
      List<InetAddress> addresses = new ArrayList<>();
      for (DnsQuery query : dns.queryTogether(host, Type.A, Type.AAAA)) {
        queries.add(query);
        addresses.addAll(DnsClient.addresses(query));
      }
      if (addresses.isEmpty()) {
        throw new UnknownHostException(host);
      }
      return addresses;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UnknownHostException("cancelled while resolving " + host);
    } finally {
      endNanos = System.nanoTime();
      elapsedMillis = (endNanos - start) / 1_000_000;
    }
  }
}
