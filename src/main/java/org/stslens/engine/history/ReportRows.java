package org.stslens.engine.history;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stslens.engine.tlsrpt.reports.ImportResult;
import org.stslens.engine.tlsrpt.reports.ParseOutcome;
import org.stslens.engine.tlsrpt.reports.PolicyResult;
import org.stslens.engine.tlsrpt.reports.ReportParser;
import org.stslens.engine.tlsrpt.reports.TlsReport;

/**
 * The SQL of the {@code tlsrpt_reports} table (migration 4), on a connection {@link HistoryStore}
 * opened: it keeps the sender's JSON, and reads it back through today's {@link ReportParser}.
 */
final class ReportRows {

  private ReportRows() {}

  /** Stores each report not stored yet; returns how many were new. */
  static int save(Connection c, List<TlsReport> reports, Instant importedAt) throws SQLException {
    String sql =
        "INSERT OR IGNORE INTO tlsrpt_reports (organization, report_id, policy_domains,"
            + " start_at, end_at, imported_at, source, domain_hint, json_sha256, report_json)"
            + " VALUES (?,?,?,?,?,?,?,?,?,?)";
    int added = 0;
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (TlsReport r : reports) {
        p.setString(1, r.organization());
        // no report-id: NULL, which a UNIQUE constraint never matches; the text's hash dedupes it
        p.setString(2, r.reportId().isEmpty() ? null : r.reportId());
        p.setString(3, String.join("\n", domains(r)));
        setInstant(p, 4, r.start());
        setInstant(p, 5, r.end());
        p.setLong(6, importedAt.toEpochMilli());
        p.setString(7, r.source());
        p.setString(8, r.domainHint());
        p.setString(9, PolicyHash.of(r.json())); // the SHA-256 of any text
        p.setString(10, r.json());
        added += p.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      c.rollback();
      throw e;
    }
    return added;
  }

  /**
   * The stored reports, in the order they were stored, read again; a row today's parser refuses is
   * listed as skipped with the reason. {@code domain} empty: all of them.
   */
  static ImportResult load(Connection c, Optional<String> domain) throws SQLException {
    String sql =
        "SELECT source, domain_hint, report_json FROM tlsrpt_reports"
            + (domain.isPresent()
                ? " WHERE instr(char(10) || policy_domains || char(10), char(10) || ? || char(10))"
                    + " > 0"
                : "")
            + " ORDER BY id";
    List<TlsReport> reports = new ArrayList<>();
    List<ImportResult.Skipped> skipped = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      if (domain.isPresent()) {
        p.setString(1, domain.get());
      }
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String source = r.getString(1);
          ParseOutcome read =
              ReportParser.parse(
                  r.getString(3).getBytes(StandardCharsets.UTF_8), source, r.getString(2));
          if (read instanceof ParseOutcome.Parsed parsed) {
            reports.add(parsed.report());
          } else if (read instanceof ParseOutcome.Refused refused) {
            skipped.add(
                new ImportResult.Skipped(
                    source + " (stored)", "no longer read: " + refused.reason()));
          }
        }
      }
    }
    return new ImportResult(reports, skipped);
  }

  /** Removes every stored report; returns how many there were. */
  static int forget(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate("DELETE FROM tlsrpt_reports");
    }
  }

  /** The policy domains a report names, in order, once each. */
  private static Set<String> domains(TlsReport r) {
    Set<String> out = new LinkedHashSet<>();
    for (PolicyResult policy : r.policies()) {
      if (!policy.domain().isEmpty()) {
        out.add(policy.domain());
      }
    }
    return out;
  }

  private static void setInstant(PreparedStatement p, int index, Optional<Instant> at)
      throws SQLException {
    if (at.isPresent()) {
      p.setLong(index, at.get().toEpochMilli());
    } else {
      p.setNull(index, Types.INTEGER);
    }
  }
}
