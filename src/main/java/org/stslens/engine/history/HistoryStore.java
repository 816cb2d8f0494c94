package org.stslens.engine.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteException;
import org.stslens.engine.export.JsonReport;
import org.stslens.engine.history.HistoryException.Kind;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.tlsrpt.reports.ImportResult;
import org.stslens.engine.tlsrpt.reports.TlsReport;

/**
 * Every saved check, in one SQLite file (docs/adr/0010-history-in-sqlite.md): the full JSON report
 * and, in indexed columns, the facts two checks are compared on. The same file keeps the imported
 * TLS-RPT reports ({@link #saveReports}), with the sender's own JSON. Only checks of the real
 * Internet are stored: a lab world is a fixture, not the domain's history (a lab domain may even
 * share a real domain's name), so a lab report is refused.
 *
 * <p>Each call opens its own connection and closes it, so that the file is locked only while it is
 * read or written, and another STS Lens can use it in between.
 */
public final class HistoryStore {

  /** The file's name in the data folder, beside the drafts. */
  public static final String FILE_NAME = "history.sqlite";

  /** How long a call waits for another process's lock before it reports {@link Kind#LOCKED}. */
  static final int BUSY_TIMEOUT_MILLIS = 1500;

  private final Path file;

  private HistoryStore(Path file) {
    this.file = file;
  }

  /**
   * Opens (creating it and its folder if needed) and migrates the store at {@code file}.
   *
   * @throws HistoryException when it is damaged, locked, from a newer version or not writable
   */
  public static HistoryStore open(Path file) throws HistoryException {
    Objects.requireNonNull(file, "file");
    HistoryStore store = new HistoryStore(file.toAbsolutePath());
    try {
      Path parent = store.file.getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
    } catch (IOException e) {
      throw new HistoryException(
          Kind.UNUSABLE, store.file, "cannot create the folder of " + store.file, e);
    }
    store.migrate();
    return store;
  }

  public Path file() {
    return file;
  }

  /** The schema version of the file (0 for a new file). */
  public int schemaVersion() throws HistoryException {
    try (Connection c = connect()) {
      return userVersion(c);
    } catch (SQLException e) {
      throw failure(e, "cannot read");
    }
  }

  private void migrate() throws HistoryException {
    try (Connection c = connect()) {
      int version = userVersion(c);
      if (version > Migrations.latest()) {
        throw new HistoryException(
            Kind.NEWER_SCHEMA,
            file,
            "the history file "
                + file
                + " was written by a newer STS Lens (schema version "
                + version
                + ", this one knows "
                + Migrations.latest()
                + "): it is left untouched; update STS Lens or use another file",
            null);
      }
      if (version == Migrations.latest()) {
        return;
      }
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        for (int step = version + 1; step <= Migrations.latest(); step++) {
          for (String sql : Migrations.STEPS.get(step - 1)) {
            s.executeUpdate(sql);
          }
        }
        // PRAGMA takes no parameter: the number is ours
        s.executeUpdate("PRAGMA user_version = " + Migrations.latest());
        c.commit();
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw failure(e, "cannot prepare");
    }
  }

  /**
   * Stores a finished check of the real Internet, with its JSON report.
   *
   * @return the new row's id
   * @throws IllegalArgumentException for a lab report: lab worlds are never part of a history
   */
  public long save(DomainReport report) throws HistoryException {
    if (report.origin().isLab()) {
      throw new IllegalArgumentException(
          "a lab report is not stored: " + report.origin().badgeText());
    }
    CheckFacts f = CheckFacts.of(report);
    String json = JsonReport.render(List.of(report));
    Optional<CertExpiry> policyCert =
        f.certificates().stream().filter(CertExpiry::policyHost).findFirst();
    Optional<CertExpiry> mxCert =
        f.certificates().stream()
            .filter(c -> !c.policyHost())
            .min(java.util.Comparator.comparing(CertExpiry::notAfter));
    String sql =
        "INSERT INTO checks (domain, checked_at, verdict, txt_found, dns_temporary, txt_id,"
            + " policy_applies, policy_hash, mode, max_age, policy_mx, mx_set, report_json,"
            + " policy_cert_host, policy_cert_expiry, mx_cert_host, mx_cert_expiry,"
            + " nearest_cert_expiry) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)";
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      p.setString(1, f.domain());
      p.setLong(2, f.checkedAt().toEpochMilli());
      p.setString(3, f.verdict());
      p.setInt(4, f.txtFound() ? 1 : 0);
      p.setInt(5, f.dnsTemporary() ? 1 : 0);
      p.setString(6, f.txtId().orElse(null));
      p.setInt(7, f.policyApplies() ? 1 : 0);
      p.setString(8, f.policyHash().orElse(null));
      p.setString(9, f.mode().map(Mode::word).orElse(null));
      setLong(p, 10, f.maxAge());
      p.setString(11, String.join("\n", f.policyMx()));
      p.setString(12, String.join("\n", f.mxSet()));
      p.setString(13, json);
      p.setString(14, policyCert.map(CertExpiry::host).orElse(null));
      setLong(p, 15, policyCert.map(x -> x.notAfter().toEpochMilli()));
      p.setString(16, mxCert.map(CertExpiry::host).orElse(null));
      setLong(p, 17, mxCert.map(x -> x.notAfter().toEpochMilli()));
      setLong(p, 18, f.nearestExpiry().map(x -> x.notAfter().toEpochMilli()));
      p.executeUpdate();
      try (ResultSet keys = p.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    } catch (SQLException e) {
      throw failure(e, "cannot save the check to");
    }
  }

  /** The latest stored check of {@code domain}. */
  public Optional<StoredCheck> latest(String domain) throws HistoryException {
    List<StoredCheck> last = query(domain, 1);
    return last.isEmpty() ? Optional.empty() : Optional.of(last.get(0));
  }

  /** Every stored check of {@code domain}, newest first. */
  public List<StoredCheck> checks(String domain) throws HistoryException {
    return query(domain, -1);
  }

  /** The JSON report stored with check {@code id}. */
  public Optional<String> reportJson(long id) throws HistoryException {
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement("SELECT report_json FROM checks WHERE id = ?")) {
      p.setLong(1, id);
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw failure(e, "cannot read");
    }
  }

  /** The watched domains, in the order they were added. */
  public List<String> watchlist() throws HistoryException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT domain FROM watchlist ORDER BY added_at, domain")) {
      List<String> out = new ArrayList<>();
      while (r.next()) {
        out.add(r.getString(1));
      }
      return out;
    } catch (SQLException e) {
      throw failure(e, "cannot read");
    }
  }

  /** Adds {@code domains} to the watchlist; one already there keeps its place. */
  public void watch(List<String> domains, Instant at) throws HistoryException {
    try (Connection c = connect();
        PreparedStatement p =
            c.prepareStatement(
                "INSERT OR IGNORE INTO watchlist (domain, added_at) VALUES (?, ?)")) {
      c.setAutoCommit(false);
      for (String domain : domains) {
        p.setString(1, domain);
        p.setLong(2, at.toEpochMilli());
        p.executeUpdate();
      }
      c.commit();
    } catch (SQLException e) {
      throw failure(e, "cannot save the watchlist to");
    }
  }

  /** Removes {@code domain} from the watchlist; its stored checks stay. */
  public void unwatch(String domain) throws HistoryException {
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement("DELETE FROM watchlist WHERE domain = ?")) {
      p.setString(1, domain);
      p.executeUpdate();
    } catch (SQLException e) {
      throw failure(e, "cannot save the watchlist to");
    }
  }

  /**
   * Stores TLS-RPT reports with their own JSON text. A report already stored (same organisation and
   * report-id; without a report-id, the same text) is left as it was: it counts once.
   *
   * @return how many of {@code reports} were new to the store
   */
  public int saveReports(List<TlsReport> reports, Instant importedAt) throws HistoryException {
    try (Connection c = connect()) {
      return ReportRows.save(c, reports, importedAt);
    } catch (SQLException e) {
      throw failure(e, "cannot save the reports to");
    }
  }

  /**
   * Every stored TLS-RPT report, in the order stored, read again by this build's parser; a stored
   * text it no longer reads is listed as skipped.
   */
  public ImportResult storedReports() throws HistoryException {
    return loadReports(Optional.empty());
  }

  /** The stored TLS-RPT reports that name {@code domain} as a policy domain. */
  public ImportResult storedReports(String domain) throws HistoryException {
    return loadReports(Optional.of(domain));
  }

  /**
   * Removes every stored TLS-RPT report (the checks stay).
   *
   * @return how many were removed
   */
  public int forgetReports() throws HistoryException {
    try (Connection c = connect()) {
      return ReportRows.forget(c);
    } catch (SQLException e) {
      throw failure(e, "cannot remove the reports from");
    }
  }

  private ImportResult loadReports(Optional<String> domain) throws HistoryException {
    try (Connection c = connect()) {
      return ReportRows.load(c, domain);
    } catch (SQLException e) {
      throw failure(e, "cannot read");
    }
  }

  private List<StoredCheck> query(String domain, int limit) throws HistoryException {
    String sql =
        "SELECT id, domain, checked_at, verdict, txt_found, dns_temporary, txt_id,"
            + " policy_applies, policy_hash, mode, max_age, policy_mx, mx_set, policy_cert_host,"
            + " policy_cert_expiry, mx_cert_host, mx_cert_expiry FROM checks WHERE domain = ?"
            + " ORDER BY checked_at DESC, id DESC LIMIT ?";
    try (Connection c = connect();
        PreparedStatement p = c.prepareStatement(sql)) {
      p.setString(1, domain);
      p.setInt(2, limit);
      List<StoredCheck> out = new ArrayList<>();
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new StoredCheck(r.getLong("id"), facts(r)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw failure(e, "cannot read");
    }
  }

  private static CheckFacts facts(ResultSet r) throws SQLException {
    List<CertExpiry> certs = new ArrayList<>();
    cert(r, "policy_cert_host", "policy_cert_expiry", true).ifPresent(certs::add);
    cert(r, "mx_cert_host", "mx_cert_expiry", false).ifPresent(certs::add);
    return new CheckFacts(
        r.getString("domain"),
        Instant.ofEpochMilli(r.getLong("checked_at")),
        r.getString("verdict"),
        r.getInt("txt_found") == 1,
        r.getInt("dns_temporary") == 1,
        Optional.ofNullable(r.getString("txt_id")),
        r.getInt("policy_applies") == 1,
        Optional.ofNullable(r.getString("policy_hash")),
        Optional.ofNullable(r.getString("mode")).flatMap(Mode::ofWord),
        optionalLong(r, "max_age"),
        lines(r.getString("policy_mx")),
        lines(r.getString("mx_set")),
        certs);
  }

  private static Optional<CertExpiry> cert(
      ResultSet r, String hostColumn, String expiryColumn, boolean policyHost) throws SQLException {
    String host = r.getString(hostColumn);
    Optional<Long> at = optionalLong(r, expiryColumn);
    if (host == null || at.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new CertExpiry(host, policyHost, Instant.ofEpochMilli(at.get())));
  }

  private static List<String> lines(String joined) {
    return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split("\n"));
  }

  private static Optional<Long> optionalLong(ResultSet r, String column) throws SQLException {
    long v = r.getLong(column);
    return r.wasNull() ? Optional.empty() : Optional.of(v);
  }

  private static void setLong(PreparedStatement p, int index, Optional<Long> value)
      throws SQLException {
    if (value.isPresent()) {
      p.setLong(index, value.get());
    } else {
      p.setNull(index, Types.INTEGER);
    }
  }

  private Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
    try (Statement s = c.createStatement()) {
      s.execute("PRAGMA busy_timeout = " + BUSY_TIMEOUT_MILLIS);
    } catch (SQLException e) {
      c.close();
      throw e;
    }
    return c;
  }

  private static int userVersion(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("PRAGMA user_version")) {
      return r.next() ? r.getInt(1) : 0;
    }
  }

  /** SQLite's primary result codes: the typed kinds come from them, never from a message. */
  private static final int SQLITE_BUSY = 5;

  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CORRUPT = 11;
  private static final int SQLITE_NOTADB = 26;

  /**
   * The problem alone: each caller says what was not done ("Check not saved in the history: …",
   * "the reports were not stored: …"), so the message does not say it again.
   */
  private HistoryException failure(SQLException e, String doing) {
    int code = (e instanceof SQLiteException s ? s.getResultCode().code : e.getErrorCode()) & 0xff;
    return switch (code) {
      case SQLITE_BUSY, SQLITE_LOCKED ->
          new HistoryException(
              Kind.LOCKED,
              file,
              "the history file "
                  + file
                  + " is locked by another program (close it, or wait until it is done)",
              e);
      case SQLITE_CORRUPT, SQLITE_NOTADB ->
          new HistoryException(
              Kind.DAMAGED,
              file,
              "the history file "
                  + file
                  + " is damaged (not a readable SQLite database): move it aside to start a new one",
              e);
      default ->
          new HistoryException(Kind.UNUSABLE, file, doing + " " + file + ": " + e.getMessage(), e);
    };
  }
}
