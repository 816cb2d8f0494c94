package org.stslens.engine.finding;

import static org.stslens.engine.finding.Severity.ERROR;
import static org.stslens.engine.finding.Severity.INFO;
import static org.stslens.engine.finding.Severity.WARNING;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The catalog of diagnostic codes of docs/checks.md. A code never changes meaning once shipped; the
 * id (e.g. {@code policy.invalid-max-age}) is what JSON, tests and users see.
 */
public enum Code {
  // The check as a whole: its findings carry the stage of the step they mark.
  CHECK_TIME_LIMIT("check.time-limit", ERROR, CheckStage.DISCOVERY, "", "none", null),
  // Stage 1 — discovery
  DNS_NXDOMAIN("dns.nxdomain", ERROR, CheckStage.DISCOVERY, "8461 §3.1", "no-policy", null),
  DNS_TEMPORARY_FAILURE(
      "dns.temporary-failure", ERROR, CheckStage.DISCOVERY, "8461 §3.1, §5", "temp-fail", null),
  DNS_CNAME_CHAIN("dns.cname-chain", INFO, CheckStage.DISCOVERY, "8461 §3.1", "none", null),
  DNS_CNAME_LOOP("dns.cname-loop", ERROR, CheckStage.DISCOVERY, "8461 §3.1", "no-policy", null),
  DNS_DELEGATION_MISMATCH(
      "dns.delegation-mismatch", WARNING, CheckStage.DISCOVERY, "8461 §8.2", "none", null),
  DNS_DNSSEC_UNSIGNED("dns.dnssec-unsigned", INFO, CheckStage.DISCOVERY, "8461 §10", "none", null),
  // Records of another owner in an answer: a scrubbing resolver drops them, and so does the engine.
  DNS_FOREIGN_RECORDS(
      "dns.foreign-records", WARNING, CheckStage.DISCOVERY, "1034 §3.7, §4.3.2", "none", null),
  TXT_NO_RECORD("txt.no-record", ERROR, CheckStage.DISCOVERY, "8461 §3.1", "no-policy", null),
  TXT_MULTIPLE_RECORDS(
      "txt.multiple-records", ERROR, CheckStage.DISCOVERY, "8461 §3.1", "no-policy", null),
  TXT_DISCARDED_LOOKALIKE(
      "txt.discarded-lookalike", WARNING, CheckStage.DISCOVERY, "8461 §3.1", "no-policy", null),
  TXT_SYNTAX("txt.syntax", ERROR, CheckStage.DISCOVERY, "8461 §3.1", "no-policy", null),
  TXT_MISSING_ID("txt.missing-id", ERROR, CheckStage.DISCOVERY, "8461 §3.1", "no-policy", null),
  TXT_INVALID_ID("txt.invalid-id", ERROR, CheckStage.DISCOVERY, "8461 §3.1", "no-policy", null),
  TXT_DUPLICATE_FIELD(
      "txt.duplicate-field", WARNING, CheckStage.DISCOVERY, "8461 §3.1", "first one counts", null),
  TXT_UNRELATED_RECORDS(
      "txt.unrelated-records",
      WARNING,
      CheckStage.DISCOVERY,
      "8461 §3.1",
      "none (no-policy for some senders)",
      null),
  TXT_SPLIT_STRINGS("txt.split-strings", INFO, CheckStage.DISCOVERY, "8461 §3.1", "none", null),
  TXT_EXTENSION_FIELDS(
      "txt.extension-fields", INFO, CheckStage.DISCOVERY, "8461 §3.1", "none", null),
  TXT_AT_APEX("txt.at-apex", WARNING, CheckStage.DISCOVERY, "8461 §3.1", "none", null),
  MX_NONE("mx.none", WARNING, CheckStage.DISCOVERY, "5321 §5.1", "none", null),
  MX_NULL("mx.null", WARNING, CheckStage.DISCOVERY, "7505", "none", null),
  /** A null MX next to real MX records: RFC 7505 §3 forbids it; the real hosts are still judged. */
  MX_NULL_MIXED("mx.null-mixed", ERROR, CheckStage.DISCOVERY, "7505 §3", "undefined", null),

  // Stage 2 — retrieval
  FETCH_HOST_UNRESOLVABLE(
      "fetch.host-unresolvable",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy",
      "sts-policy-fetch-error"),
  FETCH_CONNECT_FAILED(
      "fetch.connect-failed",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy",
      "sts-policy-fetch-error"),
  FETCH_TIMEOUT(
      "fetch.timeout",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy",
      "sts-policy-fetch-error"),
  /** The policy host has more addresses than the fetch tries, one after the other. */
  FETCH_ADDRESS_LIMIT("fetch.address-limit", INFO, CheckStage.RETRIEVAL, "", "none", null),
  FETCH_TLS_FAILED(
      "fetch.tls-failed",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy",
      "sts-webpki-invalid"),
  FETCH_CERT_NAME_MISMATCH(
      "fetch.cert-name-mismatch",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy",
      "sts-webpki-invalid"),
  FETCH_CERT_EXPIRED(
      "fetch.cert-expired",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy",
      "sts-webpki-invalid"),
  FETCH_CERT_UNTRUSTED(
      "fetch.cert-untrusted",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy",
      "sts-webpki-invalid"),
  FETCH_CERT_EXPIRING_SOON(
      "fetch.cert-expiring-soon", WARNING, CheckStage.RETRIEVAL, "8461 §3.3", "none", null),
  FETCH_CERT_WRONG_PURPOSE(
      "fetch.cert-wrong-purpose",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3, 5280 §4.2.1.3, §4.2.1.9, §4.2.1.12",
      "no-policy",
      "sts-webpki-invalid"),
  FETCH_CERT_WEAK_SIGNATURE(
      "fetch.cert-weak-signature",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3, 9155, 6194, 6151",
      "no-policy",
      "sts-webpki-invalid"),
  FETCH_REDIRECT(
      "fetch.redirect",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy",
      "sts-policy-fetch-error"),
  FETCH_HTTP_STATUS(
      "fetch.http-status",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy",
      "sts-policy-fetch-error"),
  FETCH_MALFORMED_RESPONSE(
      "fetch.malformed-response",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy",
      "sts-policy-fetch-error"),
  FETCH_CONTENT_TYPE(
      "fetch.content-type",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy for strict senders",
      "sts-policy-invalid"),
  FETCH_TOO_LARGE(
      "fetch.too-large",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy",
      "sts-policy-invalid"),
  FETCH_SLOW(
      "fetch.slow",
      WARNING,
      CheckStage.RETRIEVAL,
      "8461 §3.3",
      "no-policy for senders with short timeouts",
      "sts-policy-fetch-error"),
  FETCH_NOT_TEXT(
      "fetch.not-text",
      ERROR,
      CheckStage.RETRIEVAL,
      "8461 §3.2",
      "no-policy",
      "sts-policy-invalid"),

  // Stage 3 — policy
  POLICY_MISSING_VERSION(
      "policy.missing-version",
      ERROR,
      CheckStage.POLICY,
      "8461 §3.2",
      "no-policy",
      "sts-policy-invalid"),
  POLICY_INVALID_VERSION(
      "policy.invalid-version",
      ERROR,
      CheckStage.POLICY,
      "8461 §3.2",
      "no-policy",
      "sts-policy-invalid"),
  POLICY_MISSING_MODE(
      "policy.missing-mode",
      ERROR,
      CheckStage.POLICY,
      "8461 §3.2",
      "no-policy",
      "sts-policy-invalid"),
  POLICY_INVALID_MODE(
      "policy.invalid-mode",
      ERROR,
      CheckStage.POLICY,
      "8461 §3.2",
      "no-policy",
      "sts-policy-invalid"),
  POLICY_MISSING_MAX_AGE(
      "policy.missing-max-age",
      ERROR,
      CheckStage.POLICY,
      "8461 §3.2",
      "no-policy",
      "sts-policy-invalid"),
  POLICY_INVALID_MAX_AGE(
      "policy.invalid-max-age",
      ERROR,
      CheckStage.POLICY,
      "8461 §3.2",
      "no-policy",
      "sts-policy-invalid"),
  POLICY_MISSING_MX(
      "policy.missing-mx",
      ERROR,
      CheckStage.POLICY,
      "8461 §3.2",
      "no-policy",
      "sts-policy-invalid"),
  POLICY_INVALID_MX(
      "policy.invalid-mx", WARNING, CheckStage.POLICY, "8461 §3.2", "pattern ignored", null),
  // Not policy.invalid-mx, which means "pattern dropped": this pattern is kept (the corpus,
  // pol-085, normalises it), but some senders compare it as written and never match it.
  POLICY_MX_TRAILING_DOT(
      "policy.mx-trailing-dot",
      WARNING,
      CheckStage.POLICY,
      "8461 §3.2, §4.1",
      "refuse-mx for some senders",
      null),
  POLICY_DUPLICATE_FIELD(
      "policy.duplicate-field", WARNING, CheckStage.POLICY, "8461 §3.2", "first one counts", null),
  POLICY_WHITESPACE(
      "policy.whitespace", WARNING, CheckStage.POLICY, "8461 §3.2", "some senders reject", null),
  POLICY_BOM("policy.bom", WARNING, CheckStage.POLICY, "8461 §3.2", "some senders reject", null),
  POLICY_SYNTAX("policy.syntax", WARNING, CheckStage.POLICY, "8461 §3.2", "line ignored", null),
  POLICY_BLANK_LINE(
      "policy.blank-line", WARNING, CheckStage.POLICY, "8461 §3.2", "some senders reject", null),
  POLICY_LIKELY_TYPO(
      "policy.likely-typo", WARNING, CheckStage.POLICY, "8461 §3.2", "field ignored", null),
  POLICY_MAX_AGE_SHORT(
      "policy.max-age-short", WARNING, CheckStage.POLICY, "8461 §3.2", "none", null),
  POLICY_UNKNOWN_FIELD("policy.unknown-field", INFO, CheckStage.POLICY, "8461 §3.2", "none", null),
  POLICY_LINE_ENDINGS("policy.line-endings", INFO, CheckStage.POLICY, "8461 §3.2", "none", null),
  POLICY_MODE_TESTING("policy.mode-testing", INFO, CheckStage.POLICY, "8461 §5", "none", null),
  POLICY_MODE_NONE("policy.mode-none", INFO, CheckStage.POLICY, "8461 §8.3", "none", null),

  // Stage 4 — MX hosts and TLS. mx.not-covered is an error under enforce, a warning under testing.
  MX_NOT_COVERED(
      "mx.not-covered", ERROR, CheckStage.MX, "8461 §4.1", "refuse-mx", "validation-failure"),
  MX_WILDCARD_DEPTH(
      "mx.wildcard-depth", ERROR, CheckStage.MX, "8461 §4.1", "refuse-mx", "validation-failure"),
  MX_PATTERN_UNUSED("mx.pattern-unused", WARNING, CheckStage.MX, "8461 §4.1", "none", null),
  /** Added by STS Lens: a hostile or huge MX set is probed only in part, and says so. */
  MX_PROBE_LIMIT("mx.probe-limit", INFO, CheckStage.MX, "", "none", null),
  SMTP_CONNECT_FAILED("smtp.connect-failed", ERROR, CheckStage.MX, "8461 §4", "temp-fail", null),
  /** The MX host has no address at all: it fails from everywhere, not only from here. */
  MX_NO_ADDRESS("mx.no-address", ERROR, CheckStage.MX, "5321 §5.1, 8461 §4", "refuse-mx", null),
  /** EHLO and the HELO fallback both answered 5xx: no sender gets a session, from anywhere. */
  SMTP_EHLO_REJECTED(
      "smtp.ehlo-rejected", ERROR, CheckStage.MX, "5321 §4.1.1.1, §4.1.4, §3.2", "refuse-mx", null),
  SMTP_PORT25_BLOCKED("smtp.port25-blocked", WARNING, CheckStage.MX, "", "none", null),
  SMTP_BANNER("smtp.banner", ERROR, CheckStage.MX, "5321", "temp-fail", null),
  /**
   * Added by STS Lens: a step of the SMTP conversation (greeting, a reply, the TLS handshake) did
   * not finish within its whole-step limit.
   */
  SMTP_TIMEOUT("smtp.timeout", ERROR, CheckStage.MX, "5321 §4.5.3.2", "temp-fail", null),
  SMTP_STARTTLS_MISSING(
      "smtp.starttls-missing",
      ERROR,
      CheckStage.MX,
      "8461 §4.2",
      "refuse-mx",
      "starttls-not-supported"),
  SMTP_STARTTLS_REFUSED(
      "smtp.starttls-refused",
      ERROR,
      CheckStage.MX,
      "8461 §4.2",
      "refuse-mx",
      "starttls-not-supported"),
  TLS_HANDSHAKE_FAILED(
      "tls.handshake-failed", ERROR, CheckStage.MX, "8461 §4.2", "refuse-mx", "validation-failure"),
  TLS_VERSION_OLD(
      "tls.version-old",
      ERROR,
      CheckStage.MX,
      "8461 §7.2, 8996",
      "refuse-mx",
      "validation-failure"),
  TLS_CERT_NAME_MISMATCH(
      "tls.cert-name-mismatch",
      ERROR,
      CheckStage.MX,
      "8461 §4.2, 6125",
      "refuse-mx",
      "certificate-host-mismatch"),
  TLS_CERT_EXPIRED(
      "tls.cert-expired", ERROR, CheckStage.MX, "8461 §4.2", "refuse-mx", "certificate-expired"),
  TLS_CERT_UNTRUSTED(
      "tls.cert-untrusted",
      ERROR,
      CheckStage.MX,
      "8461 §4.2",
      "refuse-mx",
      "certificate-not-trusted"),
  TLS_CERT_EXPIRING_SOON(
      "tls.cert-expiring-soon", WARNING, CheckStage.MX, "8461 §4.2", "none", null),
  TLS_CERT_WRONG_PURPOSE(
      "tls.cert-wrong-purpose",
      ERROR,
      CheckStage.MX,
      "8461 §4.2, 5280 §4.2.1.3, §4.2.1.9, §4.2.1.12",
      "refuse-mx",
      "certificate-not-trusted"),
  TLS_CERT_WEAK_SIGNATURE(
      "tls.cert-weak-signature",
      ERROR,
      CheckStage.MX,
      "8461 §4.2, 9155, 6194, 6151",
      "refuse-mx",
      "certificate-not-trusted"),
  TLS_ENDPOINTS_DIFFER(
      "tls.endpoints-differ", WARNING, CheckStage.MX, "8461 §4.2", "refuse-mx on some tries", null),

  // DANE (RFC 7672), beside MTA-STS: kept in each MX's DANE result, never in the MTA-STS verdict.
  // The sender effect is that of a DANE sender.
  DANE_TLSA_UNSIGNED(
      "dane.tlsa-unsigned",
      WARNING,
      CheckStage.MX,
      "7672 §2.1.1, §2.2",
      "TLSA ignored (insecure)",
      "dane-required"),
  DANE_DNSSEC_BOGUS(
      "dane.dnssec-bogus", ERROR, CheckStage.MX, "7672 §2.1.1, §2.2", "defer-mx", "dnssec-invalid"),
  DANE_DNSSEC_INDETERMINATE(
      "dane.dnssec-indeterminate", WARNING, CheckStage.MX, "7672 §2.1.1", "unknown", null),
  DANE_TLSA_MISMATCH(
      "dane.tlsa-mismatch", ERROR, CheckStage.MX, "7672 §3.1, §3.2", "refuse-mx", "tlsa-invalid"),
  DANE_TLSA_UNUSABLE(
      "dane.tlsa-unusable",
      WARNING,
      CheckStage.MX,
      "7672 §2.2, §3.1.3",
      "unauthenticated TLS",
      "tlsa-invalid"),
  DANE_NO_STARTTLS(
      "dane.no-starttls", ERROR, CheckStage.MX, "7672 §2.2", "defer-mx", "starttls-not-supported"),
  /** MTA-STS and DANE disagree about this MX: a sender supporting both follows DANE. */
  DANE_PRECEDENCE("dane.precedence", INFO, CheckStage.MX, "8461 §2, 7672 §2.2", "none", null),

  // TLS reporting (RFC 8460)
  TLSRPT_NO_RECORD("tlsrpt.no-record", WARNING, CheckStage.TLSRPT, "8460 §3", "none", null),
  TLSRPT_MULTIPLE_RECORDS(
      "tlsrpt.multiple-records", ERROR, CheckStage.TLSRPT, "8460 §3", "no reports", null),
  TLSRPT_SYNTAX("tlsrpt.syntax", ERROR, CheckStage.TLSRPT, "8460 §3", "no reports", null),
  TLSRPT_MISSING_RUA("tlsrpt.missing-rua", ERROR, CheckStage.TLSRPT, "8460 §3", "no reports", null),
  TLSRPT_INVALID_RUA("tlsrpt.invalid-rua", ERROR, CheckStage.TLSRPT, "8460 §3", "no reports", null),
  TLSRPT_IGNORED_RUA(
      "tlsrpt.ignored-rua", WARNING, CheckStage.TLSRPT, "8460 §3", "URI ignored", null),

  // Lifecycle: this check compared with the previous stored check of the domain (history).
  LIFE_ID_NOT_BUMPED(
      "life.id-not-bumped",
      ERROR,
      CheckStage.POLICY,
      "8461 §3.1, §8.1",
      "keeps the old policy",
      null),
  LIFE_ID_BUMPED_SAME_POLICY(
      "life.id-bumped-same-policy", INFO, CheckStage.POLICY, "8461 §8.1", "none", null),
  /**
   * A new MX host that the policy senders may still hold from the previous check does not cover.
   */
  LIFE_MX_OUTSIDE_CACHED_POLICY(
      "life.mx-outside-cached-policy",
      ERROR,
      CheckStage.MX,
      "8461 §4.1, §5.1",
      "refuse-mx",
      "validation-failure"),
  LIFE_MODE_LOWERED("life.mode-lowered", WARNING, CheckStage.POLICY, "8461 §5", "none", null),
  LIFE_MODE_RAISED("life.mode-raised", INFO, CheckStage.POLICY, "8461 §5", "none", null),
  LIFE_MAX_AGE_LOWERED(
      "life.max-age-lowered", INFO, CheckStage.POLICY, "8461 §3.2", "keeps the old max_age", null),
  LIFE_TXT_GONE(
      "life.txt-gone",
      WARNING,
      CheckStage.DISCOVERY,
      "8461 §5.1, §8.3",
      "keeps the cached policy",
      null),
  LIFE_POLICY_GONE(
      "life.policy-gone",
      WARNING,
      CheckStage.RETRIEVAL,
      "8461 §5.1, §8.3",
      "keeps the cached policy",
      null),
  /** Needs no history: a certificate of the policy host or of an MX runs out within 30 days. */
  LIFE_CERT_EXPIRING("life.cert-expiring", WARNING, CheckStage.MX, "8461 §3.3, §4.2", "none", null);

  private static final Map<String, Code> BY_ID =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(Code::id, Function.identity()));

  private final String id;
  private final Severity severity;
  private final CheckStage stage;
  private final String rfc;
  private final String senderEffect;
  private final String tlsrptType;

  Code(
      String id,
      Severity severity,
      CheckStage stage,
      String rfc,
      String senderEffect,
      String tlsrptType) {
    this.id = id;
    this.severity = severity;
    this.stage = stage;
    this.rfc = rfc;
    this.senderEffect = senderEffect;
    this.tlsrptType = tlsrptType;
  }

  /** The stable id, e.g. {@code fetch.redirect}. */
  public String id() {
    return id;
  }

  /** The catalog severity (a finding may differ, e.g. mx.not-covered under testing). */
  public Severity severity() {
    return severity;
  }

  public CheckStage stage() {
    return stage;
  }

  /** The RFC section the check rests on, e.g. {@code 8461 §3.3}; empty when none applies. */
  public String rfc() {
    return rfc;
  }

  /** What an RFC 8461 sender does because of it (checks.md "sender effect"). */
  public String senderEffect() {
    return senderEffect;
  }

  /** The RFC 8460 result type a sender would report, if any. */
  public Optional<String> tlsrptType() {
    return Optional.ofNullable(tlsrptType);
  }

  public static Optional<Code> byId(String id) {
    return Optional.ofNullable(BY_ID.get(id));
  }

  @Override
  public String toString() {
    return id;
  }
}
