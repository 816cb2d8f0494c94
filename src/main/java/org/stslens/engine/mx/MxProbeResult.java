package org.stslens.engine.mx;

import java.net.InetAddress;
import java.util.List;
import org.stslens.engine.dns.DnsClient;
import org.stslens.engine.dns.DnsQuery;
import org.stslens.engine.dns.MxHost;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.smtp.EndpointProbe;

/**
 * What was seen at one MX host, before any policy is applied: its addresses and one probe per
 * address.
 *
 * @param mx the MX record
 * @param lookups the A and AAAA queries
 * @param endpoints one SMTP/TLS probe per address
 * @param findings host-level findings (no address, DNS failure, probe limit)
 * @param durationMillis from the first look-up to the last probe
 * @param probed false for a host beyond the probe limit: nothing was looked up or probed, so only
 *     the policy's coverage can be judged
 */
public record MxProbeResult(
    MxHost mx,
    List<DnsQuery> lookups,
    List<EndpointProbe> endpoints,
    List<Finding> findings,
    long durationMillis,
    boolean probed) {

  public MxProbeResult {
    lookups = List.copyOf(lookups);
    endpoints = List.copyOf(endpoints);
    findings = List.copyOf(findings);
  }

  /** A host that was probed. */
  public MxProbeResult(
      MxHost mx,
      List<DnsQuery> lookups,
      List<EndpointProbe> endpoints,
      List<Finding> findings,
      long durationMillis) {
    this(mx, lookups, endpoints, findings, durationMillis, true);
  }

  /** A host left out by the probe limit; {@code why} says so (mx.probe-limit). */
  public static MxProbeResult notProbed(MxHost mx, Finding why) {
    return new MxProbeResult(mx, List.of(), List.of(), List.of(why), 0, false);
  }

  public List<InetAddress> addresses() {
    return lookups.stream().flatMap(q -> DnsClient.addresses(q).stream()).toList();
  }
}
