package org.stslens.workbench.publish;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
 * @param tlsa the DANE TLSA records for an MX certificate the user opened, if any
 */
public record PublishingKit(
    PolicyHost names,
    PolicyId id,
    String fileText,
    Optional<String> tlsRptRua,
    List<Snippet> snippets,
    RolloutChecklist checklist,
    Optional<DaneTlsaRecords> tlsa) {

  public PublishingKit {
    Objects.requireNonNull(names, "names");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(fileText, "fileText");
    Objects.requireNonNull(tlsRptRua, "tlsRptRua");
    snippets = List.copyOf(snippets);
    Objects.requireNonNull(checklist, "checklist");
    Objects.requireNonNull(tlsa, "tlsa");
  }

  /**
   * Builds the kit for a draft.
   *
   * @param domain the policy domain, e.g. {@code example.com}
   * @param policyText the editor's text, any line endings, with or without BOM
   * @param clock the source of the fresh id
   * @param liveId the id of the TXT record published now, if any: the fresh id differs from it
   * @param tlsRptRua a TLS-RPT {@code rua} such as {@code mailto:tlsrpt@example.com}; without it
   *     the snippets and checklist show a placeholder to replace
   * @throws IllegalArgumentException when {@code domain} is not a domain name
   */
  public static PublishingKit build(
      String domain,
      String policyText,
      Clock clock,
      Optional<String> liveId,
      Optional<String> tlsRptRua) {
    PolicyHost names = new PolicyHost(domain);
    PolicyId id = PolicyId.fresh(clock, liveId);
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
    RolloutChecklist checklist =
        RolloutChecklist.of(names, id, PolicyParser.parse(fileText), size, rua);
    return new PublishingKit(names, id, fileText, rua, snippets, checklist, Optional.empty());
  }

  /** The same kit with the TLSA records of an MX certificate (they are exported with it). */
  public PublishingKit withTlsa(Optional<DaneTlsaRecords> records) {
    return new PublishingKit(names, id, fileText, tlsRptRua, snippets, checklist, records);
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
