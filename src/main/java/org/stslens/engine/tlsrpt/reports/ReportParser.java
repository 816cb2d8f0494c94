package org.stslens.engine.tlsrpt.reports;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads the JSON of RFC 8460 §4.3 the way real senders write it, not only the way the RFC does:
 * missing {@code policy-string}, {@code failure-details}, {@code policy-domain} and addresses;
 * {@code contact-info} null; empty strings for absent values; {@code mx-host} as one string; a TLSA
 * {@code policy-string} whose single element is itself a JSON array; datetimes without a zone;
 * counts written as strings. Each tolerance that changes a value leaves a note on the report.
 */
public final class ReportParser {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ReportParser() {}

  /**
   * @param json the report's bytes (UTF-8)
   * @param source where it came from, for notes
   * @param domainHint the domain from a {@code TLS-Report-Domain} header or a file name, or empty:
   *     used for policies without {@code policy-domain}
   */
  public static ParseOutcome parse(byte[] json, String source, String domainHint) {
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonEOFException e) {
      return new ParseOutcome.Refused("truncated JSON: the text ends inside a value");
    } catch (JsonProcessingException e) {
      return new ParseOutcome.Refused(
          "not JSON: "
              + e.getOriginalMessage().lines().findFirst().orElse("")
              + " (line "
              + e.getLocation().getLineNr()
              + ", column "
              + e.getLocation().getColumnNr()
              + ")");
    } catch (IOException e) {
      return new ParseOutcome.Refused("not JSON: " + e.getMessage());
    }
    if (root == null || root.isMissingNode()) {
      return new ParseOutcome.Refused("not JSON: the file is empty");
    }
    if (!root.isObject() || !root.path("policies").isArray()) {
      return new ParseOutcome.Refused("not a TLS-RPT report: no \"policies\" list (RFC 8460 §4.3)");
    }
    String text = new String(json, StandardCharsets.UTF_8);
    return new ParseOutcome.Parsed(
        new Reading(source, normalDomain(domainHint)).report(root, text));
  }

  /** Lower case, without a final dot. */
  static String normalDomain(String domain) {
    String d = domain.strip().toLowerCase(Locale.ROOT);
    return d.endsWith(".") ? d.substring(0, d.length() - 1) : d;
  }

  /** One report being read: collects its notes. */
  private static final class Reading {
    private final String source;
    private final String domainHint;
    private final List<String> notes = new ArrayList<>();

    Reading(String source, String domainHint) {
      this.source = source;
      this.domainHint = domainHint;
    }

    TlsReport report(JsonNode root, String text) {
      JsonNode range = root.path("date-range");
      List<PolicyResult> policies = new ArrayList<>();
      for (JsonNode p : root.path("policies")) {
        policies.add(policy(p));
      }
      return new TlsReport(
          text(root.path("organization-name")),
          text(root.path("contact-info")),
          text(root.path("report-id")),
          time(range.path("start-datetime"), "start-datetime"),
          time(range.path("end-datetime"), "end-datetime"),
          policies,
          source,
          notes,
          domainHint,
          text);
    }

    private PolicyResult policy(JsonNode p) {
      JsonNode policy = p.path("policy");
      String type = text(policy.path("policy-type"));
      String domain = normalDomain(text(policy.path("policy-domain")));
      if (domain.isEmpty() && !domainHint.isEmpty()) {
        domain = domainHint;
        note(
            "no policy-domain; the domain " + domainHint + " was taken from the mail or file name");
      } else if (domain.isEmpty()) {
        note("no policy-domain, and neither the mail nor the file name names one");
      }
      List<FailureDetail> failures = new ArrayList<>();
      for (JsonNode f : p.path("failure-details")) {
        failures.add(failure(f));
      }
      JsonNode summary = p.path("summary");
      if (summary.isMissingNode()) {
        note("a policy of " + domain + " has no summary; its sessions count as 0");
      }
      return new PolicyResult(
          type,
          domain,
          policyStrings(policy.path("policy-string"), type),
          strings(policy.path("mx-host"), "mx-host"),
          count(summary.path("total-successful-session-count"), "total-successful-session-count"),
          count(summary.path("total-failure-session-count"), "total-failure-session-count"),
          failures);
    }

    private FailureDetail failure(JsonNode f) {
      return new FailureDetail(
          text(f.path("result-type")),
          text(f.path("sending-mta-ip")),
          normalDomain(text(f.path("receiving-mx-hostname"))),
          text(f.path("receiving-mx-helo")),
          text(f.path("receiving-ip")),
          count(f.path("failed-session-count"), "failed-session-count"),
          text(f.path("failure-reason-code")));
    }

    /** Some senders put a TLSA policy's whole record list as one string holding a JSON array. */
    private List<String> policyStrings(JsonNode node, String type) {
      List<String> lines = strings(node, "policy-string");
      if (lines.size() == 1 && lines.get(0).strip().startsWith("[")) {
        try {
          JsonNode inner = JSON.readTree(lines.get(0));
          if (inner.isArray()) {
            List<String> unpacked = new ArrayList<>();
            inner.forEach(e -> unpacked.add(e.isTextual() ? e.asText() : e.toString()));
            note("the " + type + " policy-string was one string holding a JSON array; unpacked");
            return unpacked;
          }
        } catch (JsonProcessingException e) {
          // not JSON after all: keep the string as the sender wrote it
        }
      }
      return lines;
    }

    private List<String> strings(JsonNode node, String field) {
      List<String> out = new ArrayList<>();
      if (node.isArray()) {
        node.forEach(e -> out.add(e.isValueNode() ? e.asText() : e.toString()));
      } else if (node.isTextual() && !node.asText().isEmpty()) {
        out.add(node.asText());
        note(field + " was one string, not a list; read as a list of one");
      }
      return out;
    }

    private long count(JsonNode node, String field) {
      if (node.isIntegralNumber()) {
        // asLong() would wrap a huge count into a wrong one; a negative count means nothing
        if (!node.canConvertToLong() || node.asLong() < 0) {
          note(field + " " + node.asText() + " is not a session count; counted as 0");
          return 0;
        }
        return node.asLong();
      }
      if (node.isTextual()) {
        try {
          long value = Long.parseLong(node.asText().strip());
          note(field + " was written as a string (\"" + node.asText() + "\"); read as a number");
          return Math.max(0, value);
        } catch (NumberFormatException e) {
          note(field + " \"" + node.asText() + "\" is not a number; counted as 0");
          return 0;
        }
      }
      return 0;
    }

    private Optional<Instant> time(JsonNode node, String field) {
      String value = text(node);
      if (value.isEmpty()) {
        note("no " + field + " in date-range; the report is left out of the per-day series");
        return Optional.empty();
      }
      try {
        return Optional.of(OffsetDateTime.parse(value).toInstant());
      } catch (DateTimeParseException e) {
        // below: the variants without a zone
      }
      try {
        Instant utc = LocalDateTime.parse(value).toInstant(ZoneOffset.UTC);
        note(field + " " + value + " has no time zone; read as UTC");
        return Optional.of(utc);
      } catch (DateTimeParseException e) {
        // below
      }
      try {
        Instant utc = LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        note(field + " " + value + " is a date without a time; read as 00:00 UTC");
        return Optional.of(utc);
      } catch (DateTimeParseException e) {
        note(field + " \"" + value + "\" is not a date; the report is left out of the days");
        return Optional.empty();
      }
    }

    private void note(String text) {
      notes.add(source + ": " + text);
    }
  }

  /** A string value; empty for null, missing, or anything else. */
  private static String text(JsonNode node) {
    return node.isValueNode() && !node.isNull() ? node.asText().strip() : "";
  }
}
