package org.stslens.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalLong;
import org.stslens.engine.export.JsonEscapes;
import org.stslens.engine.export.JsonReport;
import org.stslens.engine.export.TextReport;
import org.stslens.engine.export.Visible;
import org.stslens.engine.fetch.PolicySizeLimit;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxJudge;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;

/** How {@code policy lint} and {@code txt lint} print: plain text or JSON. */
final class LintOutput {

  /**
   * Made on the first JSON output, not with this class: an ObjectMapper's set-up (time zones,
   * locale data, date formats) cost a cold text {@code policy lint} about 40 ms of CPU (issue 14).
   */
  private static final class Json {
    static final ObjectMapper MAPPER =
        JsonEscapes.install(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));
  }

  /** One MX host given with {@code --mx} and how the policy treats it. */
  record MxMatch(String host, MxJudge.Coverage coverage) {}

  private final boolean json;

  private LintOutput(boolean json) {
    this.json = json;
  }

  /** Text or JSON as {@code --format} says; a usage error for any other format. */
  static LintOutput of(TextOrJsonFormat format) {
    return new LintOutput(format.json());
  }

  void printTxt(
      PrintWriter out,
      String what,
      String record,
      boolean valid,
      String detail,
      List<Finding> findings) {
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("record", record);
      o.put("valid", valid);
      o.put("detail", detail);
      o.set("findings", findings(findings));
      out.println(write(o));
      return;
    }
    say(out, what + ": " + Visible.of(record, 2000));
    say(
        out,
        (valid ? "Valid" : "Not valid: senders treat the domain as having none")
            + (detail.isEmpty() ? "" : " (" + detail + ")"));
    printFindings(out, findings);
  }

  void printPolicy(
      PrintWriter out,
      String file,
      ParsedPolicy parsed,
      List<MxMatch> matches,
      List<Finding> all,
      List<String> quickFixes) {
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("file", file);
      o.put("valid", parsed.valid());
      o.put("parsed", true);
      parsed
          .policy()
          .ifPresent(
              p -> {
                o.put("version", p.version());
                o.put("mode", p.mode().word());
                ArrayNode mx = o.putArray("mx");
                p.mx().forEach(m -> mx.add(m.written()));
                o.put("max_age", p.maxAge());
              });
      ArrayNode mx = o.putArray("mx_hosts");
      for (MxMatch m : matches) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("host", m.host());
        n.put("matched_pattern", m.coverage().matched().map(MxPattern::written).orElse(null));
        mx.add(n);
      }
      o.set("findings", findings(all));
      ArrayNode fixes = o.putArray("quick_fixes");
      quickFixes.forEach(fixes::add);
      out.println(write(o));
      return;
    }
    if (parsed.policy().isPresent()) {
      Policy p = parsed.policy().get();
      say(
          out,
          "Valid policy: mode "
              + p.mode().word()
              + ", max_age "
              + p.maxAge()
              + ", mx "
              + String.join(", ", p.mx().stream().map(MxPattern::written).toList()));
    } else {
      say(out, "Not a valid policy: senders ignore it and deliver as if there were none.");
    }
    for (MxMatch m : matches) {
      say(
          out,
          "  "
              + m.host()
              + ": "
              + m.coverage()
                  .matched()
                  .map(p -> "covered by " + p.written())
                  .orElse("NOT covered by any pattern"));
    }
    printFindings(out, all);
    if (!quickFixes.isEmpty()) {
      say(out, "Quick fixes (the policy editor applies them with Ctrl+1):");
      quickFixes.forEach(f -> say(out, "  " + f));
    }
  }

  /** A policy that was not parsed: larger than senders read (the findings say why). */
  void printUnparsed(PrintWriter out, String file, OptionalLong size, List<Finding> findings) {
    if (json) {
      ObjectNode o = Json.MAPPER.createObjectNode();
      o.put("file", file);
      o.put("valid", false);
      o.put("parsed", false);
      if (size.isPresent()) {
        o.put("bytes", size.getAsLong());
      } else {
        o.putNull("bytes");
      }
      o.putArray("mx_hosts");
      o.set("findings", findings(findings));
      o.putArray("quick_fixes");
      out.println(write(o));
      return;
    }
    say(
        out,
        "Not a valid policy: "
            + (size.isPresent() ? "the file is " + size.getAsLong() + " bytes, " : "")
            + "larger than the "
            + PolicySizeLimit.MAX_BYTES
            + " bytes senders read, so they refuse it. Not parsed.");
    printFindings(out, findings);
  }

  private static void printFindings(PrintWriter out, List<Finding> findings) {
    if (findings.isEmpty()) {
      say(out, "No findings.");
      return;
    }
    out.print(TextReport.findings(findings));
  }

  /** A line of the text output; the policy, the record and --mx come from outside, raw. */
  private static void say(PrintWriter out, String text) {
    out.println(Visible.lines(text));
  }

  private static ArrayNode findings(List<Finding> findings) {
    ArrayNode a = Json.MAPPER.createArrayNode();
    findings.forEach(f -> a.add(JsonReport.finding(f)));
    return a;
  }

  private static String write(ObjectNode o) {
    try {
      return Json.MAPPER.writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
