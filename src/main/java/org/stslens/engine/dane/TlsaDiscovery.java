package org.stslens.engine.dane;

import java.util.List;
import org.stslens.engine.dns.DnsOutcome;

/**
 * The TLSA look-up of one MX host, validated with DNSSEC.
 *
 * @param name the name asked, {@code _25._tcp.<mx>.}
 * @param cnameChain the names walked, the asked name first (RFC 7672 §2.2.2 follows CNAMEs)
 * @param outcome answer, no data, no such name, or a temporary failure
 * @param records the TLSA records at the end of the chain
 * @param dnssec what validation said about the answer
 * @param reason the validator's reason (and extended DNS error), or the failure; may be empty
 * @param resolverStripsDnssec the resolver returned no signatures for the trust anchor's own
 *     DNSKEY: it strips DNSSEC records, so nothing can be validated through it
 */
public record TlsaDiscovery(
    String name,
    List<String> cnameChain,
    DnsOutcome outcome,
    List<TlsaRecord> records,
    DnssecStatus dnssec,
    String reason,
    boolean resolverStripsDnssec) {

  public TlsaDiscovery {
    cnameChain = List.copyOf(cnameChain);
    records = List.copyOf(records);
    reason = reason == null ? "" : reason;
  }

  /** The TLSA name of an MX host: {@code _25._tcp.<mx>.} (RFC 7672 §2.2). */
  public static String tlsaName(String mxHost) {
    String h = mxHost.endsWith(".") ? mxHost : mxHost + ".";
    return "_25._tcp." + h;
  }
}
