package org.stslens.engine.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.policy.Mode;

/**
 * A domain's stored checks as {@code stslens check --history} prints them: a text table, or the
 * JSON of docs/report-format.md ("The history").
 */
public final class HistoryListing {

  private static final ObjectMapper MAPPER =
      org.stslens.engine.export.JsonEscapes.install(
          new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT));

  /** Sortable and to the second: two checks in one minute stay apart. */
  private static final java.time.format.DateTimeFormatter TABLE_TIME =
      java.time.format.DateTimeFormatter.ofPattern(
              "uuuu-MM-dd HH:mm:ss 'UTC'", java.util.Locale.ROOT)
          .withZone(java.time.ZoneOffset.UTC);

  private HistoryListing() {}

  /** One line per check, newest first, under a heading naming the domain and the file. */
  public static String text(String domain, Path file, List<StoredCheck> checks) {
    StringBuilder b = new StringBuilder();
    b.append("History of ")
        .append(domain)
        .append(": ")
        .append(checks.size())
        .append(checks.size() == 1 ? " check" : " checks")
        .append(" in ")
        .append(file)
        .append('\n');
    if (checks.isEmpty()) {
      return b.append("No check of this domain is stored (stslens check --save ")
          .append(domain)
          .append(").\n")
          .toString();
    }
    // "check" is the stored check's number (--compare takes it); "id" is the TXT record's
    String format = "%6s  %-23s  %-22s  %-20s  %-8s  %s%n";
    b.append(
        String.format(
            java.util.Locale.ROOT,
            format,
            "check",
            "checked at",
            "verdict",
            "id",
            "mode",
            "MX hosts"));
    for (StoredCheck c : checks) {
      CheckFacts f = c.facts();
      b.append(
          String.format(
              java.util.Locale.ROOT,
              format,
              c.id(),
              TABLE_TIME.format(f.checkedAt()),
              f.verdict(),
              f.txtId().orElse("-"),
              f.mode().map(Mode::word).orElse("-"),
              f.mxSet().isEmpty() ? "-" : String.join(", ", f.mxSet())));
    }
    return b.toString();
  }

  public static String json(String domain, Path file, List<StoredCheck> checks) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("domain", domain);
    root.put("file", file.toString());
    ArrayNode all = root.putArray("checks");
    for (StoredCheck c : checks) {
      CheckFacts f = c.facts();
      ObjectNode o = all.addObject();
      o.put("id", c.id());
      o.put("started_at", f.checkedAt().toString());
      o.put("verdict", f.verdict());
      o.put("txt_id", f.txtId().orElse(null));
      o.put("mode", f.mode().map(Mode::word).orElse(null));
      if (f.maxAge().isPresent()) {
        o.put("max_age", f.maxAge().get());
      } else {
        o.putNull("max_age");
      }
      o.put("policy_sha256", f.policyHash().orElse(null));
      ArrayNode mx = o.putArray("mx");
      f.mxSet().forEach(mx::add);
      Optional<Instant> nearest = f.nearestExpiry().map(CertExpiry::notAfter);
      o.put("nearest_cert_expiry", nearest.map(Instant::toString).orElse(null));
    }
    try {
      return MAPPER.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
