package org.stslens.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.stslens.engine.history.LineDiff.Change;
import org.stslens.engine.history.LineDiff.Line;

/**
 * Two stored checks of one domain side by side, read from their stored JSON reports
 * (docs/report-format.md): the TXT record, the policy lines, the MX set, each host's certificate,
 * the verdicts and the findings that came or went. Values are kept raw, as the servers sent them;
 * whoever shows them makes their controls visible.
 */
public record CheckDiff(
    String domain,
    Side older,
    Side newer,
    Row txtRecords,
    Row txtId,
    List<Line> policyLines,
    List<Line> mxHosts,
    List<HostCertificate> certificates,
    Row verdict,
    List<Row> mxVerdicts,
    List<FindingChange> findings) {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  public CheckDiff {
    Objects.requireNonNull(domain, "domain");
    policyLines = List.copyOf(policyLines);
    mxHosts = List.copyOf(mxHosts);
    certificates = List.copyOf(certificates);
    mxVerdicts = List.copyOf(mxVerdicts);
    findings = List.copyOf(findings);
  }

  /** Which stored check a side is. */
  public record Side(long id, Instant checkedAt) {}

  /**
   * One compared value: its lines on each side (empty when the side has none).
   *
   * @param label what it is (a fixed word, or a host name from the report)
   */
  public record Row(String label, List<String> older, List<String> newer) {
    public Row {
      Objects.requireNonNull(label, "label");
      older = List.copyOf(older);
      newer = List.copyOf(newer);
    }

    public boolean changed() {
      return !older.equals(newer);
    }
  }

  /** The leaf certificate a host presented, as far as a reader compares it. */
  public record Certificate(
      String subject, List<String> names, String issuer, String notAfter, String sha256) {
    public Certificate {
      names = List.copyOf(names);
    }

    /** One line per field, for a {@link Row}. */
    public List<String> lines() {
      return List.of(
          "subject " + subject,
          "names " + String.join(", ", names),
          "issuer " + issuer,
          "not after " + notAfter,
          "SHA-256 " + sha256);
    }
  }

  /**
   * The certificate of the policy host or of one MX host, on each side.
   *
   * @param policyHost true for the policy host's HTTPS certificate
   */
  public record HostCertificate(
      boolean policyHost, String host, Optional<Certificate> older, Optional<Certificate> newer) {
    public boolean changed() {
      return !older.equals(newer);
    }

    public Row row() {
      return new Row(
          (policyHost ? "policy host " : "MX ") + host,
          older.map(Certificate::lines).orElse(List.of()),
          newer.map(Certificate::lines).orElse(List.of()));
    }
  }

  /** A finding only in the older check ({@link Change#REMOVED}) or only in the newer one. */
  public record FindingChange(
      Change change, String code, String target, String severity, String message) {}

  /** A section of the comparison as rows, for the screen and the text output. */
  public record Section(String title, List<Row> rows) {
    public Section {
      rows = List.copyOf(rows);
    }

    public boolean changed() {
      return rows.stream().anyMatch(Row::changed);
    }
  }

  /**
   * Compares two stored checks of the same domain.
   *
   * @throws IllegalArgumentException when a report is not a JSON report or the domains differ
   */
  public static CheckDiff of(long olderId, String olderJson, long newerId, String newerJson) {
    JsonNode a = report(olderJson);
    JsonNode b = report(newerJson);
    String domain = a.path("domain").asText();
    if (!domain.equals(b.path("domain").asText())) {
      throw new IllegalArgumentException(
          "the two checks are of different domains: " + domain + ", " + b.path("domain").asText());
    }
    return new CheckDiff(
        domain,
        new Side(olderId, Instant.parse(a.path("started_at").asText())),
        new Side(newerId, Instant.parse(b.path("started_at").asText())),
        new Row("record", txtRecords(a), txtRecords(b)),
        new Row(
            "id",
            text(a.path("discovery").path("txt").path("id")),
            text(b.path("discovery").path("txt").path("id"))),
        LineDiff.of(policyLines(a), policyLines(b)),
        LineDiff.ofSets(mxHosts(a), mxHosts(b)),
        certificates(a, b),
        new Row("domain", text(a.path("verdict")), text(b.path("verdict"))),
        mxVerdicts(a, b),
        findings(a, b));
  }

  /** The comparison as titled sections of rows, in the order the screen and the text show them. */
  public List<Section> sections() {
    return List.of(
        new Section("TXT record", List.of(txtRecords, txtId)),
        new Section("Policy", lineRows(policyLines, "")),
        new Section("MX hosts", lineRows(mxHosts, "")),
        new Section("Certificates", certificates.stream().map(HostCertificate::row).toList()),
        new Section("Verdicts", verdictRows()),
        new Section(
            "Findings",
            findings.stream()
                .map(
                    f -> {
                      List<String> v = List.of(f.severity() + " " + f.code() + ": " + f.target());
                      return f.change() == Change.REMOVED
                          ? new Row(f.code(), v, List.of())
                          : new Row(f.code(), List.of(), v);
                    })
                .toList()));
  }

  /** Whether anything at all differs. */
  public boolean changed() {
    return sections().stream().anyMatch(Section::changed);
  }

  private List<Row> verdictRows() {
    List<Row> rows = new ArrayList<>();
    rows.add(verdict);
    mxVerdicts.forEach(r -> rows.add(new Row("MX " + r.label(), r.older(), r.newer())));
    return rows;
  }

  private static List<Row> lineRows(List<Line> lines, String label) {
    return lines.stream()
        .map(
            l ->
                new Row(
                    label,
                    l.change() == Change.ADDED ? List.of() : List.of(l.text()),
                    l.change() == Change.REMOVED ? List.of() : List.of(l.text())))
        .toList();
  }

  // ---- reading the stored reports ----

  private static JsonNode report(String json) {
    try {
      JsonNode root = MAPPER.readTree(json);
      // a report saved alone is one object; a wrapper of several is read for its first
      JsonNode r = root.has("reports") ? root.path("reports").path(0) : root;
      if (!r.path("domain").isTextual() || !r.path("started_at").isTextual()) {
        throw new IllegalArgumentException("not a JSON report of STS Lens");
      }
      return r;
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a JSON report: " + e.getOriginalMessage(), e);
    }
  }

  private static List<String> text(JsonNode n) {
    return n.isTextual() ? List.of(n.asText()) : List.of();
  }

  /** Each TXT record at _mta-sts, its character-strings joined as a sender reads them. */
  private static List<String> txtRecords(JsonNode r) {
    List<String> out = new ArrayList<>();
    for (JsonNode record : r.path("discovery").path("txt").path("records")) {
      StringBuilder b = new StringBuilder();
      record.forEach(s -> b.append(s.asText()));
      out.add(b.toString());
    }
    return out;
  }

  /**
   * The policy body split at line feeds; a CR stays in its line, so that a change of line endings
   * shows (as a mark) instead of vanishing.
   */
  private static List<String> policyLines(JsonNode r) {
    JsonNode raw = r.path("policy").path("raw");
    if (!raw.isTextual()) {
      return List.of();
    }
    String body = raw.asText();
    if (body.isEmpty()) {
      return List.of();
    }
    List<String> lines = new ArrayList<>(List.of(body.split("\n", -1)));
    if (body.endsWith("\n")) {
      lines.remove(lines.size() - 1); // the last line's break ends it; no empty line after
    }
    return lines;
  }

  private static List<String> mxHosts(JsonNode r) {
    List<String> out = new ArrayList<>();
    r.path("discovery").path("mx_hosts").forEach(m -> out.add(m.path("host").asText()));
    return out;
  }

  private static List<HostCertificate> certificates(JsonNode a, JsonNode b) {
    Map<String, Optional<Certificate>[]> byHost = new LinkedHashMap<>();
    collect(a, 0, byHost);
    collect(b, 1, byHost);
    List<HostCertificate> out = new ArrayList<>();
    byHost.forEach(
        (key, sides) ->
            out.add(
                new HostCertificate(key.startsWith("p:"), key.substring(2), sides[0], sides[1])));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void collect(JsonNode r, int side, Map<String, Optional<Certificate>[]> byHost) {
    JsonNode retrieval = r.path("retrieval");
    if (retrieval.isObject()) {
      put(
          byHost,
          "p:" + retrieval.path("host").asText(),
          side,
          certificate(retrieval.path("certificate")));
    }
    for (JsonNode m : r.path("mx")) {
      put(byHost, "m:" + m.path("host").asText(), side, certificate(m.path("certificate")));
    }
  }

  @SuppressWarnings("unchecked")
  private static void put(
      Map<String, Optional<Certificate>[]> byHost, String key, int side, Optional<Certificate> c) {
    Optional<Certificate>[] sides =
        byHost.computeIfAbsent(key, k -> new Optional[] {Optional.empty(), Optional.empty()});
    sides[side] = c;
  }

  private static Optional<Certificate> certificate(JsonNode c) {
    if (!c.isObject() || !c.path("subject").isTextual()) {
      return Optional.empty();
    }
    List<String> names = new ArrayList<>();
    c.path("san_dns").forEach(n -> names.add(n.asText()));
    return Optional.of(
        new Certificate(
            c.path("subject").asText(),
            names,
            c.path("issuer").asText(),
            c.path("not_after").asText(),
            c.path("chain").path(0).path("sha256").asText("")));
  }

  private static List<Row> mxVerdicts(JsonNode a, JsonNode b) {
    Map<String, List<String>[]> byHost = new LinkedHashMap<>();
    verdicts(a, 0, byHost);
    verdicts(b, 1, byHost);
    List<Row> out = new ArrayList<>();
    byHost.forEach((host, v) -> out.add(new Row(host, v[0], v[1])));
    return out;
  }

  @SuppressWarnings("unchecked")
  private static void verdicts(JsonNode r, int side, Map<String, List<String>[]> byHost) {
    for (JsonNode m : r.path("mx")) {
      List<String>[] v =
          byHost.computeIfAbsent(m.path("host").asText(), k -> new List[] {List.of(), List.of()});
      v[side] = text(m.path("verdict"));
    }
  }

  private static List<FindingChange> findings(JsonNode a, JsonNode b) {
    Map<String, JsonNode> older = findingsByKey(a);
    Map<String, JsonNode> newer = findingsByKey(b);
    List<FindingChange> out = new ArrayList<>();
    older.forEach(
        (k, f) -> {
          if (!newer.containsKey(k)) {
            out.add(change(Change.REMOVED, f));
          }
        });
    newer.forEach(
        (k, f) -> {
          if (!older.containsKey(k)) {
            out.add(change(Change.ADDED, f));
          }
        });
    return out;
  }

  /** A finding is the same in both checks when its code and its subject are. */
  private static Map<String, JsonNode> findingsByKey(JsonNode r) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    for (JsonNode f : r.path("findings")) {
      out.putIfAbsent(f.path("code").asText() + "\u0000" + f.path("target").asText(), f);
    }
    return out;
  }

  private static FindingChange change(Change change, JsonNode f) {
    return new FindingChange(
        change,
        f.path("code").asText(),
        f.path("target").asText(),
        f.path("severity").asText(),
        f.path("message").asText());
  }
}
