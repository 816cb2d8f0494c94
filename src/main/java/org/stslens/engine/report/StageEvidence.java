package org.stslens.engine.report;

import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.tlsrpt.TlsRptDiscovery;

/**
 * The raw evidence a finished stage carries, so that a step-by-step view can show each stage as
 * soon as it finishes, before the whole report exists.
 */
public sealed interface StageEvidence {

  /** Stage 1: the TXT and MX answers. */
  record Discovery(DiscoveryResult result) implements StageEvidence {}

  /** Stage 2: the HTTPS exchange. */
  record Retrieval(FetchResult result) implements StageEvidence {}

  /** Stage 3: the parsed policy and the response it came from. */
  record PolicyText(ParsedPolicy policy, FetchResult source) implements StageEvidence {}

  /** Stage 4, for one MX host. */
  record Mx(MxReport report) implements StageEvidence {}

  /** The TLS-RPT record. */
  record TlsRpt(TlsRptDiscovery result) implements StageEvidence {}
}
