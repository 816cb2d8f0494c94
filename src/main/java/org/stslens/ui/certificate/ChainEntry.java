package org.stslens.ui.certificate;

import java.util.List;
import org.stslens.engine.tls.CertificateProblem;
import org.stslens.engine.tls.CertificateSummary;

/**
 * One certificate of a presented chain as the viewer shows it.
 *
 * @param index position in the presented chain (0 = leaf)
 * @param summary the certificate
 * @param role leaf, intermediate or root
 * @param name the subject CN, or the whole subject when it has no CN
 * @param problems the problems of the verdict that name this certificate
 */
record ChainEntry(
    int index,
    CertificateSummary summary,
    ChainEntry.Role role,
    String name,
    List<CertificateProblem> problems)
    implements ChainNode {

  ChainEntry {
    problems = List.copyOf(problems);
  }

  /** Some problem makes a sender reject the chain because of this certificate. */
  boolean fails() {
    return problems.stream().anyMatch(p -> p.kind().isError());
  }

  /** Only warnings (expiring soon) concern this certificate. */
  boolean warns() {
    return !fails() && !problems.isEmpty();
  }

  /** "leaf certificate “mx1.example.com”". */
  String described() {
    return role.word() + " certificate “" + name + "”";
  }

  /** Where a certificate stands in the chain. */
  enum Role {
    LEAF("leaf"),
    INTERMEDIATE("intermediate"),
    ROOT("root");

    private final String word;

    Role(String word) {
      this.word = word;
    }

    String word() {
      return word;
    }
  }
}
