package org.stslens.engine.tls;

import java.util.List;
import java.util.Optional;
import org.stslens.engine.tls.CertificateProblem.Kind;

/**
 * The judgement of one presented chain for one host name.
 *
 * @param chain the presented certificates, in the order the server sent them (leaf first)
 * @param problems everything that applies, each naming its certificate by index in {@code chain}
 * @param referenceHost the name the chain was judged against
 */
public record ChainVerdict(
    List<CertificateSummary> chain, List<CertificateProblem> problems, String referenceHost) {

  public ChainVerdict {
    chain = List.copyOf(chain);
    problems = List.copyOf(problems);
    referenceHost = referenceHost == null ? "" : referenceHost;
  }

  /** The chain leads to a trust anchor (dates aside; they are judged separately). */
  public boolean trusted() {
    return !has(Kind.UNTRUSTED);
  }

  /** The leaf's subjectAltName dNSNames cover the reference host under RFC 8461 rules. */
  public boolean nameMatches() {
    return !has(Kind.NAME_MISMATCH);
  }

  /** No problem that makes a sender reject the chain (an expiring-soon warning is fine). */
  public boolean valid() {
    return problems.stream().noneMatch(p -> p.kind().isError());
  }

  public boolean has(Kind kind) {
    return problems.stream().anyMatch(p -> p.kind() == kind);
  }

  public Optional<CertificateSummary> leaf() {
    return chain.isEmpty() ? Optional.empty() : Optional.of(chain.get(0));
  }
}
