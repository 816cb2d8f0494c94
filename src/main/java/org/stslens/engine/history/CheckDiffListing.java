package org.stslens.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stslens.engine.export.Visible;
import org.stslens.engine.history.LineDiff.Line;

/**
 * A {@link CheckDiff} as {@code stslens check --history DOMAIN --compare} prints it: text in the
 * manner of a unified diff (server text with its controls as marks), or the JSON object of
 * docs/report-format.md ("The comparison of two checks"), which keeps values raw.
 */
public final class CheckDiffListing {

  private static final ObjectMapper MAPPER =
      org.stslens.engine.export.JsonEscapes.install(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));

  private static final java.time.format.DateTimeFormatter TIME =
      java.time.format.DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
          .withZone(java.time.ZoneOffset.UTC);

  private CheckDiffListing() {}

  /**
   * A heading, then each section: " " before what is the same, "- " before the older's value and "+
   * " before the newer's where they differ.
   */
  public static String text(CheckDiff d) {
    StringBuilder b = new StringBuilder();
    b.append("Comparison of ")
        .append(d.domain())
        .append(": check ")
        .append(d.older().id())
        .append(" (")
        .append(TIME.format(d.older().checkedAt()))
        .append(") -> check ")
        .append(d.newer().id())
        .append(" (")
        .append(TIME.format(d.newer().checkedAt()))
        .append(")\n");
    if (!d.changed()) {
      b.append("Nothing differs.\n");
    }
    for (CheckDiff.Section s : d.sections()) {
      b.append('\n').append(section(s));
    }
    return b.toString();
  }

  /** One section: its title, then its rows (what the screen's Copy button of a section copies). */
  public static String section(CheckDiff.Section s) {
    StringBuilder b = new StringBuilder();
    b.append(s.title()).append(s.changed() ? "" : " (same)").append('\n');
    if (s.rows().isEmpty()) {
      b.append("  (none)\n");
    }
    for (CheckDiff.Row r : s.rows()) {
      String label = r.label().isEmpty() ? "" : Visible.line(r.label()) + ": ";
      if (!r.changed()) {
        r.older().forEach(v -> b.append("  ").append(label).append(Visible.line(v)).append('\n'));
        if (r.older().isEmpty()) {
          b.append("  ").append(label).append("(none)\n");
        }
        continue;
      }
      side(b, "- ", label, r.older());
      side(b, "+ ", label, r.newer());
    }
    return b.toString();
  }

  private static void side(StringBuilder b, String mark, String label, List<String> values) {
    if (values.isEmpty()) {
      if (!label.isEmpty()) {
        b.append(mark).append(label).append("(none)\n");
      }
      return;
    }
    for (String v : values) {
      b.append(mark).append(label).append(Visible.line(v)).append('\n');
    }
  }

  public static String json(CheckDiff d) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("domain", d.domain());
    side(root.putObject("older"), d.older());
    side(root.putObject("newer"), d.newer());
    root.put("changed", d.changed());
    ObjectNode txt = root.putObject("txt");
    ArrayNode olderRecords = txt.putArray("older_records");
    d.txtRecords().older().forEach(olderRecords::add);
    ArrayNode newerRecords = txt.putArray("newer_records");
    d.txtRecords().newer().forEach(newerRecords::add);
    pair(txt, "older_id", "newer_id", d.txtId());
    txt.put("changed", d.txtRecords().changed() || d.txtId().changed());
    lines(root.putArray("policy_lines"), d.policyLines(), "text");
    lines(root.putArray("mx"), d.mxHosts(), "host");
    ArrayNode certs = root.putArray("certificates");
    for (CheckDiff.HostCertificate c : d.certificates()) {
      ObjectNode o = certs.addObject();
      o.put("role", c.policyHost() ? "policy-host" : "mx");
      o.put("host", c.host());
      certificate(o, "older", c.older());
      certificate(o, "newer", c.newer());
      o.put("changed", c.changed());
    }
    ObjectNode verdict = root.putObject("verdict");
    pair(verdict, "older", "newer", d.verdict());
    verdict.put("changed", d.verdict().changed());
    ArrayNode mxVerdicts = root.putArray("mx_verdicts");
    for (CheckDiff.Row r : d.mxVerdicts()) {
      ObjectNode o = mxVerdicts.addObject();
      o.put("host", r.label());
      pair(o, "older", "newer", r);
      o.put("changed", r.changed());
    }
    ArrayNode findings = root.putArray("findings");
    for (CheckDiff.FindingChange f : d.findings()) {
      ObjectNode o = findings.addObject();
      o.put("change", word(f.change()));
      o.put("code", f.code());
      o.put("target", f.target());
      o.put("severity", f.severity());
      o.put("message", f.message());
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  private static void side(ObjectNode o, CheckDiff.Side s) {
    o.put("id", s.id());
    o.put("started_at", s.checkedAt().toString());
  }

  private static void pair(ObjectNode o, String older, String newer, CheckDiff.Row r) {
    o.put(older, r.older().isEmpty() ? null : r.older().get(0));
    o.put(newer, r.newer().isEmpty() ? null : r.newer().get(0));
  }

  private static void lines(ArrayNode out, List<Line> lines, String field) {
    for (Line l : lines) {
      ObjectNode o = out.addObject();
      o.put("change", word(l.change()));
      o.put(field, l.text());
    }
  }

  private static void certificate(
      ObjectNode o, String field, Optional<CheckDiff.Certificate> cert) {
    if (cert.isEmpty()) {
      o.putNull(field);
      return;
    }
    CheckDiff.Certificate c = cert.get();
    ObjectNode n = o.putObject(field);
    n.put("subject", c.subject());
    ArrayNode names = n.putArray("san_dns");
    c.names().forEach(names::add);
    n.put("issuer", c.issuer());
    n.put("not_after", c.notAfter());
    n.put("sha256", c.sha256());
  }

  private static String word(LineDiff.Change c) {
    return c.name().toLowerCase(Locale.ROOT);
  }
}
