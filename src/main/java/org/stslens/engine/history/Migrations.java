package org.stslens.engine.history;

import java.util.List;

/**
 * The schema of the history file, one step per version: step {@code n} takes a file of version
 * {@code n - 1} to version {@code n} ({@code PRAGMA user_version}). A step is never edited once
 * shipped; a change is a new step.
 */
final class Migrations {

  private Migrations() {}

  static final List<List<String>> STEPS =
      List.of(
          // 1: the checks and the facts a comparison needs
          List.of(
              """
              CREATE TABLE checks (
                id INTEGER PRIMARY KEY,
                domain TEXT NOT NULL,
                checked_at INTEGER NOT NULL,
                verdict TEXT NOT NULL,
                txt_found INTEGER NOT NULL,
                dns_temporary INTEGER NOT NULL,
                txt_id TEXT,
                policy_applies INTEGER NOT NULL,
                policy_hash TEXT,
                mode TEXT,
                max_age INTEGER,
                policy_mx TEXT NOT NULL,
                mx_set TEXT NOT NULL,
                report_json TEXT NOT NULL)""",
              "CREATE INDEX checks_domain_time ON checks (domain, checked_at)",
              "CREATE INDEX checks_verdict ON checks (verdict)",
              "CREATE INDEX checks_txt_id ON checks (txt_id)",
              "CREATE INDEX checks_policy_hash ON checks (policy_hash)"),
          // 2: certificate expiry, for the watch of expiring certificates
          List.of(
              "ALTER TABLE checks ADD COLUMN policy_cert_host TEXT",
              "ALTER TABLE checks ADD COLUMN policy_cert_expiry INTEGER",
              "ALTER TABLE checks ADD COLUMN mx_cert_host TEXT",
              "ALTER TABLE checks ADD COLUMN mx_cert_expiry INTEGER",
              "ALTER TABLE checks ADD COLUMN nearest_cert_expiry INTEGER",
              "CREATE INDEX checks_nearest_cert_expiry ON checks (nearest_cert_expiry)"),
          // 3: the watchlist of the Domains screen, beside the checks it lists
          List.of(
              """
              CREATE TABLE watchlist (
                domain TEXT PRIMARY KEY,
                added_at INTEGER NOT NULL)"""),
          // 4: the TLS-RPT reports of the Reports screen and `tlsrpt summarize --save`; one row per
          // (organisation, report-id), so a report imported twice is stored (and counted) once. A
          // report without a report-id is kept once per distinct text. The JSON is the sender's
          // own,
          // read again by each build; the other columns are for a look with any sqlite3 shell.
          List.of(
              """
              CREATE TABLE tlsrpt_reports (
                id INTEGER PRIMARY KEY,
                organization TEXT NOT NULL,
                report_id TEXT,
                policy_domains TEXT NOT NULL,
                start_at INTEGER,
                end_at INTEGER,
                imported_at INTEGER NOT NULL,
                source TEXT NOT NULL,
                domain_hint TEXT NOT NULL,
                json_sha256 TEXT NOT NULL,
                report_json TEXT NOT NULL,
                UNIQUE (organization, report_id))""",
              "CREATE UNIQUE INDEX tlsrpt_reports_without_id ON tlsrpt_reports (json_sha256)"
                  + " WHERE report_id IS NULL",
              "CREATE INDEX tlsrpt_reports_start ON tlsrpt_reports (start_at)"));

  /** The version this build writes. */
  static int latest() {
    return STEPS.size();
  }
}
