package org.stslens.engine.senders;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * A way in which senders differ when they apply MTA-STS, with the closed set of values a profile
 * may give it (always including {@code unknown}) and the strict RFC 8461 reading.
 */
public enum Behaviour {
  TXT_SEMICOLON_SPACE("txt-semicolon-space", true, "accept", "reject"),
  TXT_UNRELATED_RECORDS("txt-unrelated-records", true, "ignored", "lookup-fails"),
  TXT_INVALID_ID("txt-invalid-id", true, "reject", "accept"),
  /** Exercised by a record such as {@code v=stsv1; id=...}: the version in another case. */
  TXT_VERSION_CASE("txt-version-case", true, "exact", "case-insensitive"),
  POLICY_LINE_ENDINGS("policy-line-endings", true, "lf-and-crlf", "crlf-only"),
  POLICY_BOM("policy-bom", true, "skipped", "rejected"),
  POLICY_KEY_WHITESPACE("policy-key-whitespace", true, "trimmed", "field-lost", "rejected"),
  POLICY_BLANK_LINES("policy-blank-lines", true, "ignored", "rejected"),
  POLICY_MISSING_MODE("policy-missing-mode", true, "reject", "none"),
  /** Exercised by a mode such as {@code Enforce} that is valid once lower-cased. */
  POLICY_MODE_CASE("policy-mode-case", true, "exact", "case-insensitive"),
  POLICY_MAX_AGE_OVER_LIMIT("policy-max-age-over-limit", true, "reject", "clamp", "accept"),
  POLICY_EXTENSION_KEYS("policy-extension-keys", true, "ignored", "kept", "rejected"),
  /** Which of two {@code mode} (or {@code version}, {@code max_age}) lines counts. */
  POLICY_DUPLICATE_KEYS("policy-duplicate-keys", true, "first-wins", "last-wins"),
  FETCH_STATUS("fetch-status", true, "200-only", "any-2xx"),
  FETCH_MEDIA_TYPE("fetch-media-type", true, "parameters-ignored", "strict", "not-checked"),
  FETCH_REDIRECTS("fetch-redirects", true, "not-followed", "followed"),
  /** A response header holding a control character (invalid HTTP, RFC 9110 §5.5). */
  FETCH_HEADER_CONTROLS("fetch-header-controls", true, "ignored", "fetch-fails"),
  FETCH_SIZE_LIMIT("fetch-size-limit", true, "limited", "unlimited"),
  /** Exercised when the fetch took longer than 4 s, the shortest limit known among senders. */
  FETCH_TIME_LIMIT("fetch-time-limit", true, "over-4s", "4s"),
  FETCH_FAILURE_NO_CACHE("fetch-failure-no-cache", true, "no-policy", "none-for-an-hour"),
  /**
   * A policy host without an address: a fetch failure like any other, or "no policy" even where a
   * fetch failure is not (mailauth). Consulted only where fetch-failure-no-cache is not no-policy.
   */
  POLICY_HOST_NO_ADDRESS("policy-host-no-address", true, "fetch-failure", "no-policy"),
  MX_WILDCARD_DEPTH("mx-wildcard-depth", true, "one-label", "any-depth"),
  MX_TRAILING_DOT("mx-trailing-dot", true, "dot-ignored", "never-matches"),
  TESTING_MODE("testing-mode", true, "deliver-and-report", "deliver-without-report"),
  /**
   * Exercised where an MX's DANE verdict (pass or fail) differs from its MTA-STS outcome. The
   * rfc8461 row is a sender of MTA-STS alone: the verdict STS Lens gives.
   */
  DANE_PRECEDENCE("dane-precedence", true, "mta-sts-only", "dane-first", "sts-first"),
  // Kept as data: one report holds no cache or per-sender TLS evidence to judge them by.
  MIN_TLS_VERSION("min-tls-version", false, "not-specified", "tls1.2"),
  CERTIFICATE_CHECKS("certificate-checks", false, "pkix-and-name", "name-only"),
  PROACTIVE_REFRESH("proactive-refresh", false, "refresh-before-expiry", "off"),
  EXPIRED_ENTRY_UNCHANGED_ID("expired-entry-unchanged-id", false, "refetch", "extend");

  /** The value of a behaviour that could not be established from a source. */
  public static final String UNKNOWN = "unknown";

  private final String id;
  private final boolean judged;
  private final String rfc;
  private final Set<String> values;

  Behaviour(String id, boolean judged, String rfc, String... others) {
    this.id = id;
    this.judged = judged;
    this.rfc = rfc;
    java.util.Set<String> all = new java.util.LinkedHashSet<>();
    all.add(rfc);
    all.addAll(Arrays.asList(others));
    all.add(UNKNOWN);
    this.values = Set.copyOf(all);
  }

  public String id() {
    return id;
  }

  /** True when one report holds the evidence to tell whether this behaviour changes the outcome. */
  public boolean judged() {
    return judged;
  }

  /** The value of the strict RFC 8461 reading (the verdict STS Lens gives). */
  public String rfc() {
    return rfc;
  }

  public Set<String> allowed() {
    return values;
  }

  public static Optional<Behaviour> byId(String id) {
    return Arrays.stream(values()).filter(b -> b.id.equals(id)).findFirst();
  }
}
