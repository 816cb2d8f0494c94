package org.stslens.ui.certificate;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.stslens.engine.export.Visible;
import org.stslens.engine.tls.CertificateProblem;
import org.stslens.engine.tls.CertificateProblem.Kind;
import org.stslens.engine.tls.CertificateSummary;
import org.stslens.engine.tls.ChainVerdict;

/**
 * What the viewer shows of a {@link ChainVerdict}, without any toolkit type: the certificates with
 * their roles and names, the issuing path from the leaf upwards, and the verdict in plain words.
 */
final class CertificateChain {

  /**
   * One line of the verdict: which certificate fails and why.
   *
   * @param certificateIndex the certificate concerned, or -1 when there is none to show
   * @param title e.g. "Leaf certificate “mx1.example.com”: expired"
   * @param detail the engine's sentence
   * @param error a sender rejects the chain for this (false: a warning)
   */
  record ProblemLine(int certificateIndex, String title, String detail, boolean error) {}

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH).withZone(ZoneOffset.UTC);

  private final ChainVerdict verdict;
  private final List<ChainEntry> entries;
  private final List<ChainEntry> path;

  private CertificateChain(ChainVerdict verdict) {
    this.verdict = verdict;
    List<ChainEntry> list = new ArrayList<>();
    List<CertificateSummary> chain = verdict.chain();
    for (int i = 0; i < chain.size(); i++) {
      int index = i;
      CertificateSummary cert = chain.get(i);
      ChainEntry.Role role =
          i == 0
              ? ChainEntry.Role.LEAF
              : cert.selfIssued() ? ChainEntry.Role.ROOT : ChainEntry.Role.INTERMEDIATE;
      List<CertificateProblem> problems =
          verdict.problems().stream().filter(p -> p.certificateIndex() == index).toList();
      list.add(new ChainEntry(i, cert, role, nameOf(cert), problems));
    }
    this.entries = List.copyOf(list);
    this.path = issuingPath(entries);
  }

  static CertificateChain of(ChainVerdict verdict) {
    return new CertificateChain(verdict);
  }

  /** In the order the server sent them: leaf first. */
  List<ChainEntry> entries() {
    return entries;
  }

  /** From the leaf upwards, each next one the issuer of the one before; empty for no chain. */
  List<ChainEntry> issuingPath() {
    return path;
  }

  /** Sent, but not on the issuing path (stray or duplicate certificates). */
  List<ChainEntry> strays() {
    return entries.stream().filter(e -> !onPath(path, e)).toList();
  }

  Optional<ChainEntry> leaf() {
    return entries.isEmpty() ? Optional.empty() : Optional.of(entries.get(0));
  }

  String referenceHost() {
    return verdict.referenceHost().isEmpty() ? "this host" : verdict.referenceHost();
  }

  boolean valid() {
    return verdict.valid();
  }

  boolean hasWarnings() {
    return !verdict.problems().isEmpty();
  }

  /**
   * Whether senders accept the chain: "Valid for mx1.example.com" only when they do; otherwise
   * "Senders refuse this chain", since the reason may have nothing to do with the name (an expired
   * certificate still matches its name). {@link #facts()} then says name and dates apart.
   */
  String headline() {
    if (!verdict.valid()) {
      return "Senders refuse this chain for " + referenceHost();
    }
    return verdict.problems().isEmpty()
        ? "Valid for " + referenceHost()
        : "Valid for " + referenceHost() + ", with a warning";
  }

  /**
   * The name and the dates of the leaf, each said for itself: "valid for mx1.example.com (the name
   * matches)", "expired on 3 March 2026". Empty when no certificate was sent.
   */
  List<String> facts() {
    if (entries.isEmpty()) {
      return List.of();
    }
    CertificateSummary leaf = entries.get(0).summary();
    String name =
        verdict.nameMatches()
            ? "Valid for " + referenceHost() + " (the name matches)"
            : "Not valid for " + referenceHost() + " (the name does not match)";
    String dates;
    if (leafHas(Kind.EXPIRED)) {
      dates = "expired on " + DAY.format(leaf.notAfter());
    } else if (leafHas(Kind.NOT_YET_VALID)) {
      dates = "not valid before " + DAY.format(leaf.notBefore());
    } else {
      dates = "within its dates until " + DAY.format(leaf.notAfter());
    }
    return List.of(name, dates);
  }

  private boolean leafHas(Kind kind) {
    return verdict.problems().stream().anyMatch(p -> p.kind() == kind && p.certificateIndex() == 0);
  }

  /**
   * The certificate that should sit above the presented path, when the verdict says the path
   * reaches no trust anchor and its top names an issuer the server did not send. The engine reports
   * that as {@link Kind#UNTRUSTED} on the top certificate; read here, not re-judged.
   */
  Optional<MissingIssuer> missingIssuer() {
    if (path.isEmpty()) {
      return Optional.empty();
    }
    ChainEntry top = path.get(path.size() - 1);
    CertificateSummary cert = top.summary();
    boolean untrustedAtTop =
        verdict.problems().stream()
            .anyMatch(p -> p.kind() == Kind.UNTRUSTED && p.certificateIndex() == top.index());
    boolean issuerSent =
        entries.stream().anyMatch(e -> e.summary().subject().equals(cert.issuer()));
    if (!untrustedAtTop || cert.selfIssued() || cert.issuer().isEmpty() || issuerSent) {
      return Optional.empty();
    }
    return Optional.of(new MissingIssuer(cert.issuer(), top));
  }

  /** One sentence under the headline. */
  String summary() {
    if (entries.isEmpty()) {
      return "The server presented no certificate.";
    }
    if (!verdict.valid()) {
      long errors = verdict.problems().stream().filter(p -> p.kind().isError()).count();
      return "A sender that enforces MTA-STS refuses this chain"
          + (errors == 1 ? " for the reason below." : " for the " + errors + " reasons below.");
    }
    return "The chain leads to a trusted root, every certificate is within its dates and fit to"
        + " serve a TLS server, and the leaf's subjectAltName covers "
        + referenceHost()
        + ".";
  }

  List<ProblemLine> problemLines() {
    return verdict.problems().stream().map(this::line).toList();
  }

  private ProblemLine line(CertificateProblem problem) {
    int index = problem.certificateIndex();
    boolean known = index >= 0 && index < entries.size();
    String who = known ? capitalize(entries.get(index).described()) : "The chain";
    return new ProblemLine(
        known ? index : -1,
        who + ": " + reason(problem.kind()),
        problem.detail(),
        problem.kind().isError());
  }

  private String reason(Kind kind) {
    return switch (kind) {
      case NAME_MISMATCH -> "not valid for the name " + referenceHost();
      case EXPIRED -> "expired";
      case NOT_YET_VALID -> "not valid yet";
      case UNTRUSTED -> "not trusted";
      case EXPIRING_SOON -> "expires soon";
      case WRONG_PURPOSE -> "not for a TLS server";
      case WEAK_SIGNATURE -> "weak signature";
    };
  }

  /** The subject CN, else the whole subject, else a placeholder. */
  static String nameOf(CertificateSummary cert) {
    return commonName(cert.subject());
  }

  /** The CN of an RFC 2253 name, else the whole name, else a placeholder; controls as marks. */
  static String commonName(String subject) {
    try {
      List<Rdn> rdns = new LdapName(subject).getRdns();
      // LdapName lists RDNs from the right; the most specific CN is the last one found.
      for (int i = rdns.size() - 1; i >= 0; i--) {
        Rdn rdn = rdns.get(i);
        if (rdn.getType().equalsIgnoreCase("CN")) {
          return Visible.line(String.valueOf(rdn.getValue()));
        }
      }
    } catch (InvalidNameException | RuntimeException e) {
      // fall through to the whole subject
    }
    return subject.isEmpty() ? "(no subject)" : Visible.line(subject);
  }

  private static List<ChainEntry> issuingPath(List<ChainEntry> entries) {
    List<ChainEntry> order = new ArrayList<>();
    if (entries.isEmpty()) {
      return order;
    }
    ChainEntry current = entries.get(0);
    order.add(current);
    while (!current.summary().selfIssued()) {
      ChainEntry next = null;
      for (ChainEntry candidate : entries) {
        if (!onPath(order, candidate)
            && candidate.summary().subject().equals(current.summary().issuer())) {
          next = candidate;
          break;
        }
      }
      if (next == null) {
        break;
      }
      order.add(next);
      current = next;
    }
    return List.copyOf(order);
  }

  /** By position, not by value: a server may send the same certificate twice. */
  private static boolean onPath(List<ChainEntry> path, ChainEntry entry) {
    return path.stream().anyMatch(e -> e.index() == entry.index());
  }

  private static String capitalize(String text) {
    return text.isEmpty()
        ? text
        : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
  }
}
