package org.stslens.engine.dane;

import java.util.List;
import org.stslens.engine.finding.Finding;

/**
 * DANE for one MX host: its TLSA records, how each matched what each address presented, and what a
 * DANE sender concludes. Kept apart from the MTA-STS findings: it never changes the MTA-STS
 * verdict.
 *
 * @param tlsa the validated TLSA look-up
 * @param endpoints per address that completed a session: the match of every record
 * @param verdict pass, fail or none
 * @param findings the {@code dane.*} findings of this host
 */
public record DaneResult(
    TlsaDiscovery tlsa,
    List<EndpointMatch> endpoints,
    DaneVerdict verdict,
    List<Finding> findings) {

  public DaneResult {
    endpoints = List.copyOf(endpoints);
    findings = List.copyOf(findings);
  }

  /**
   * The match of every TLSA record against the chain one address presented.
   *
   * @param address the address, as text
   * @param starttls the server offered STARTTLS
   * @param matches one per record, in the order of {@link TlsaDiscovery#records()}
   */
  public record EndpointMatch(String address, boolean starttls, List<TlsaMatch> matches) {
    public EndpointMatch {
      matches = List.copyOf(matches);
    }

    public boolean matched() {
      return matches.stream().anyMatch(m -> m.result() == TlsaMatch.Result.MATCHED);
    }
  }

  /**
   * What a sender that supports both DANE and MTA-STS applies to this host (RFC 8461 §2): DANE when
   * the TLSA records are DNSSEC-secure or bogus, MTA-STS otherwise. An MTA-STS-only sender always
   * applies MTA-STS.
   */
  public String appliedBySenderWithBoth() {
    return verdict == DaneVerdict.NONE ? "mta-sts" : "dane";
  }

  public DaneResult withFinding(Finding extra) {
    List<Finding> all = new java.util.ArrayList<>(findings);
    all.add(extra);
    return new DaneResult(tlsa, endpoints, verdict, all);
  }
}
