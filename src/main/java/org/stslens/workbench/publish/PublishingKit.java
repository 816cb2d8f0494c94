package org.stslens.workbench.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.PolicyParser;

/**
 * Everything needed to publish a policy draft: the TXT record with a fresh id, the exact bytes of
 * {@code mta-sts.txt}, configuration snippets and the rollout checklist.
 *
 * @param names the domain and the names derived from it
 * @param id the fresh id for the TXT record, different from the live one
 * @param fileText the canonical policy text (CRLF, no BOM, one final CRLF)
 * @param tlsRptRua the TLS-RPT report address, when the user gave one
 * @param snippets DNS zone file, nginx, Apache httpd, Caddy and IIS, in that order
 * @param checklist the rollout steps filled with the draft's values
 * @param withdrawal the dated plan to withdraw MTA-STS from the domain (RFC 8461 §8.3)
 * @param tlsa the DANE TLSA records for an MX certificate the user opened, if any
 */
public record PublishingKit(
    PolicyHost names,
    PolicyId id,
    String fileText,
    Optional<String> tlsRptRua,
    List<Snippet> snippets,
    RolloutChecklist checklist,
    WithdrawalPlan withdrawal,
    Optional<DaneTlsaRecords> tlsa) {

  public PublishingKit {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fileText, "fileText");
    Objects.requireNonNull(tlsRptRua, "tlsRptRua");
    snippets = List.copyOf(snippets);
    Objects.requireNonNull(checklist, "checklist");
    Objects.requireNonNull(withdrawal, "withdrawal");
    Objects.requireNonNull(tlsa, "tlsa");
  }

  /**
   * Builds the kit for a draft when nothing is known of the policy served now: the withdrawal plan
   * then waits out the draft's max_age (or the largest allowed).
   *
   * @see #build(String, String, Clock, Live, Optional)
   */
  public static PublishingKit build(
      String domain,
      String policyText,
      Clock clock,
      Optional<String> liveId,
      Optional<String> tlsRptRua) {
    return build(domain, policyText, clock, new Live(liveId, Optional.empty()), tlsRptRua);
  }

  /**
   * What the latest check of the domain says is published now.
   *
   * @param id the id of the TXT record published now, if any: the fresh id differs from it
   * @param maxAge the max_age of the policy senders may have cached from it, if any
   */
  public record Live(Optional<String> id, Optional<Long> maxAge) {

    public Live {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(maxAge, "maxAge");
    }

    public static Live unknown() {
      return new Live(Optional.empty(), Optional.empty());
    }
  }

  /**
   * Builds the kit for a draft.
   *
   * @param domain the policy domain, e.g. {@code example.com}
   * @param policyText the editor's text, any line endings, with or without BOM
   * @param clock the source of the fresh id and of the withdrawal plan's dates
   * @param live what is published now, as far as the latest check says
   * @param tlsRptRua a TLS-RPT {@code rua} such as {@code mailto:tlsrpt@example.com}; without it
   *     the snippets and checklist show a placeholder to replace
   * @throws IllegalArgumentException when {@code domain} is not a domain name
   */
  public static PublishingKit build(
      String domain, String policyText, Clock clock, Live live, Optional<String> tlsRptRua) {
    PolicyHost names = new PolicyHost(domain);
    PolicyId id = PolicyId.fresh(clock, live.id());
    String fileText = PolicyFileBytes.canonicalText(policyText);
    Optional<String> rua = tlsRptRua.map(String::strip).filter(r -> !r.isEmpty());
    List<Snippet> snippets =
        List.of(
            DnsZoneSnippet.of(names, id, rua),
            WebServerSnippets.nginx(names),
            WebServerSnippets.apache(names),
            WebServerSnippets.caddy(names),
            WebServerSnippets.iis(names));
    int size = fileText.getBytes(StandardCharsets.UTF_8).length;
    ParsedPolicy parsed = PolicyParser.parse(fileText);
    Optional<Long> draftMaxAge =
        parsed.policy().filter(p -> p.mode() != Mode.NONE).map(p -> p.maxAge());
    WithdrawalPlan withdrawal =
        WithdrawalPlan.of(names, id, live.id(), live.maxAge(), draftMaxAge, clock.instant());
    RolloutChecklist checklist = RolloutChecklist.of(names, id, parsed, size, rua, withdrawal);
    return new PublishingKit(
        names, id, fileText, rua, snippets, checklist, withdrawal, Optional.empty());
  }

  /** The same kit with the TLSA records of an MX certificate (they are exported with it). */
  public PublishingKit withTlsa(Optional<DaneTlsaRecords> records) {
    return new PublishingKit(
        names, id, fileText, tlsRptRua, snippets, checklist, withdrawal, records);
  }

  public String domain() {
    return names.domain();
  }

  /** {@code _mta-sts.<domain>}. */
  public String txtName() {
    return names.txtName();
  }

  /** {@code v=STSv1; id=<id>}. */
  public String txtValue() {
    return "v=STSv1; id=" + id.value();
  }

  /** {@code https://mta-sts.<domain>/.well-known/mta-sts.txt}. */
  public String policyUrl() {
    return names.url();
  }

  /** The exact bytes to serve: UTF-8, no BOM, CRLF line endings, one final CRLF. */
  public byte[] fileBytes() {
    return fileText.getBytes(StandardCharsets.UTF_8);
  }

  /** The published file as a sender parses it. */
  public ParsedPolicy parsedFile() {
    return PolicyParser.parse(fileBytes());
  }

  /** The snippet exported under {@code fileName}, e.g. {@code nginx.conf}. */
  public Optional<Snippet> snippet(String fileName) {
    return snippets.stream().filter(s -> s.fileName().equals(fileName)).findFirst();
  }
}
