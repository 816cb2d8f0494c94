package org.stslens.engine.dane;

import java.util.List;
import org.stslens.engine.dns.DnsOutcome;

/**
 * The TLSA look-up of one MX host, validated with DNSSEC.
 *
 * @param name the name asked, {@code _25._tcp.<base domain>.}
 * @param cnameChain the names walked from {@code name}, the asked name first (RFC 7672 §2.2.3
 *     follows CNAMEs of the TLSA name)
 * @param outcome answer, no data, no such name, or a temporary failure
 * @param records the TLSA records at the end of the chain
 * @param dnssec what validation said about the answer
 * @param reason the validator's reason (and extended DNS error), or the failure; may be empty
 * @param resolverStripsDnssec the resolver returned no signatures for the trust anchor's own
 *     DNSKEY: it strips DNSSEC records, so nothing can be validated through it
 * @param baseDomain the TLSA base domain (RFC 7672 §2.2.2): the end of the MX host's CNAME
 *     expansion when every CNAME in it validated secure and TLSA records (or a failure) are there,
 *     else the MX host; without a trailing dot
 * @param mxAliases the MX host name's CNAME expansion, the MX host first; one name when it is no
 *     alias (or its address look-up failed)
 * @param expandedSecurely every CNAME in {@code mxAliases} validated secure
 * @param chain the chain of trust the validator walked for this answer
 */
public record TlsaDiscovery(
    String name,
    List<String> cnameChain,
    DnsOutcome outcome,
    List<TlsaRecord> records,
    DnssecStatus dnssec,
    String reason,
    boolean resolverStripsDnssec,
    String baseDomain,
    List<String> mxAliases,
    boolean expandedSecurely,
    DnssecChain chain) {

  public TlsaDiscovery {
    cnameChain = List.copyOf(cnameChain);
    records = List.copyOf(records);
    reason = reason == null ? "" : reason;
    mxAliases = List.copyOf(mxAliases);
  }

  /** A look-up of the MX host's own name (no alias), with no recorded chain. */
  public TlsaDiscovery(
      String name,
      List<String> cnameChain,
      DnsOutcome outcome,
      List<TlsaRecord> records,
      DnssecStatus dnssec,
      String reason,
      boolean resolverStripsDnssec) {
    this(
        name,
        cnameChain,
        outcome,
        records,
        dnssec,
        reason,
        resolverStripsDnssec,
        baseOf(name),
        List.of(baseOf(name)),
        false,
        DnssecChain.none(dnssec, reason));
  }

  /** The same look-up with its base domain, the MX host's expansion and the chain of trust. */
  TlsaDiscovery with(String base, List<String> aliases, boolean secure, DnssecChain walked) {
    return new TlsaDiscovery(
        name,
        cnameChain,
        outcome,
        records,
        dnssec,
        reason,
        resolverStripsDnssec,
        base,
        aliases,
        secure,
        walked);
  }

  /** The MX host name is an alias and its TLSA records are those of its expansion. */
  public boolean usesExpandedName() {
    return mxAliases.size() > 1 && !baseDomain.equalsIgnoreCase(mxAliases.get(0));
  }

  /** The TLSA name of an MX host: {@code _25._tcp.<mx>.} (RFC 7672 §2.2). */
  public static String tlsaName(String mxHost) {
    String h = mxHost.endsWith(".") ? mxHost : mxHost + ".";
    return "_25._tcp." + h;
  }

  private static String baseOf(String tlsaName) {
    String base = tlsaName.startsWith("_25._tcp.") ? tlsaName.substring(9) : tlsaName;
    return base.endsWith(".") ? base.substring(0, base.length() - 1) : base;
  }
}
