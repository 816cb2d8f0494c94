package org.stslens.engine.dane;

import org.stslens.engine.dns.DnsOutcome;
import org.stslens.engine.net.Step;

/**
 * The step a finished TLSA look-up is told as, and its detail for people: {@code _25._tcp.mx1. TLSA
 * → 2 records, secure, 38 ms}, or the failure and why. The step (not the text) says which it was.
 */
public final class TlsaStepText {

  private TlsaStepText() {}

  /** The detail of {@link Step#TLSA_LOOKUP_STARTED}: the name asked and what validates it. */
  public static String started(String mxHost, DaneTrustAnchors anchors) {
    return TlsaDiscovery.tlsaName(mxHost)
        + " TLSA, validated from the trust anchor of "
        + String.join(", ", anchors.owners());
  }

  /** A failure when nothing usable came back: no DNSSEC conclusion, or a bogus answer. */
  public static Step ending(TlsaDiscovery d) {
    boolean failed =
        d.dnssec() == DnssecStatus.BOGUS
            || d.dnssec() == DnssecStatus.INDETERMINATE
            || d.outcome() == DnsOutcome.TEMPORARY;
    return failed ? Step.TLSA_LOOKUP_FAILED : Step.TLSA_ANSWER_RECEIVED;
  }

  /** What came back, how it validated and how long it took. */
  public static String finished(TlsaDiscovery d, long millis) {
    StringBuilder out = new StringBuilder(d.name()).append(" TLSA → ");
    if (d.cnameChain().size() > 1) {
      out.append("via ").append(d.cnameChain().get(d.cnameChain().size() - 1)).append(", ");
    }
    out.append(answer(d)).append(", ").append(d.dnssec().word());
    if (ending(d) == Step.TLSA_LOOKUP_FAILED && !d.reason().isEmpty()) {
      out.append(" (").append(d.reason()).append(')');
    }
    return out.append(", ").append(millis).append(" ms").toString();
  }

  private static String answer(TlsaDiscovery d) {
    int n = d.records().size();
    return switch (d.outcome()) {
      case ANSWER -> n + (n == 1 ? " record" : " records");
      case NX_DOMAIN -> "no such name";
      case NO_DATA -> "no TLSA record";
      case TEMPORARY -> "no answer";
    };
  }
}
