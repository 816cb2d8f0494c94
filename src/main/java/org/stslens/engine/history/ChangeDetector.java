package org.stslens.engine.history;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.finding.CheckStage;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.finding.Severity;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.report.ChangeSet;

/**
 * Compares a check with the previous stored check of the same domain and says what changed for
 * senders: the {@code life.*} findings of docs/checks.md. Pure: the facts in, findings out.
 */
public final class ChangeDetector {

  /** The expiry steps of life.cert-expiring, in days: info at 30, warning at 14 and 7. */
  static final int NOTICE_DAYS = 30;

  static final int WARNING_DAYS = 14;
  static final int URGENT_DAYS = 7;

  private ChangeDetector() {}

  /**
   * The changes of {@code now} since {@code previous} (none stored: only what needs no history).
   */
  public static ChangeSet compare(Optional<CheckFacts> previous, CheckFacts now) {
    List<Finding> out = new ArrayList<>();
    previous.ifPresent(
        before -> {
          policyAndId(before, now, out);
          modeAndMaxAge(before, now, out);
          mxOutsideCachedPolicy(before, now, out);
          gone(before, now, out);
        });
    expiring(now, out);
    return ChangeSet.of(previous.map(CheckFacts::checkedAt), out);
  }

  private static void policyAndId(CheckFacts before, CheckFacts now, List<Finding> out) {
    if (before.policyHash().isEmpty() || now.policyHash().isEmpty()) {
      return;
    }
    if (before.txtId().isEmpty() || now.txtId().isEmpty()) {
      return;
    }
    boolean sameBody = before.policyHash().equals(now.policyHash());
    boolean sameId = before.txtId().equals(now.txtId());
    if (!sameBody && sameId) {
      out.add(
          Finding.of(
              Code.LIFE_ID_NOT_BUMPED,
              now.domain(),
              "The policy text changed since the check of "
                  + HistoryClock.format(before.checkedAt())
                  + " but the TXT id is still "
                  + now.txtId().get()
                  + ": senders that cached the old policy never fetch the new one"
                  + cachedUntil(before, now),
              "Publish a new id in the _mta-sts TXT record (e.g. the date and time), so that"
                  + " senders fetch the new policy."));
    } else if (sameBody && !sameId) {
      out.add(
          Finding.of(
              Code.LIFE_ID_BUMPED_SAME_POLICY,
              now.domain(),
              "The TXT id changed from "
                  + before.txtId().get()
                  + " to "
                  + now.txtId().get()
                  + " but the policy text is the same: senders fetch the same policy again.",
              ""));
    }
  }

  private static void modeAndMaxAge(CheckFacts before, CheckFacts now, List<Finding> out) {
    if (before.mode().isPresent() && now.mode().isPresent()) {
      Mode was = before.mode().get();
      Mode is = now.mode().get();
      // Mode lists the strongest first: a higher ordinal protects less
      if (is.ordinal() > was.ordinal()) {
        out.add(
            Finding.of(
                Code.LIFE_MODE_LOWERED,
                now.domain(),
                "The policy mode went down from "
                    + was.word()
                    + " to "
                    + is.word()
                    + " since the check of "
                    + HistoryClock.format(before.checkedAt())
                    + ": senders that fetch the new policy stop refusing insecure MX hosts"
                    + cachedUntil(before, now),
                "If this was not meant, publish the "
                    + was.word()
                    + " policy again with a new id."));
      } else if (is.ordinal() < was.ordinal()) {
        out.add(
            Finding.of(
                Code.LIFE_MODE_RAISED,
                now.domain(),
                "The policy mode went up from "
                    + was.word()
                    + " to "
                    + is.word()
                    + (is == Mode.ENFORCE
                        ? ": senders that fetch it now refuse MX hosts that fail validation."
                        : ": senders that fetch it now report failures."),
                ""));
      }
    }
    if (before.maxAge().isPresent() && now.maxAge().isPresent()) {
      long was = before.maxAge().get();
      long is = now.maxAge().get();
      if (is < was) {
        out.add(
            Finding.of(
                Code.LIFE_MAX_AGE_LOWERED,
                now.domain(),
                "max_age went down from "
                    + was
                    + " to "
                    + is
                    + " seconds: senders that cached the previous policy keep it for its own"
                    + " max_age"
                    + cachedUntil(before, now),
                ""));
      }
    }
  }

  private static void mxOutsideCachedPolicy(CheckFacts before, CheckFacts now, List<Finding> out) {
    if (!before.servedPolicy() || before.mode().get() == Mode.NONE) {
      return;
    }
    boolean enforce = before.mode().get() == Mode.ENFORCE;
    for (String host : now.mxSet()) {
      if (before.mxSet().contains(host) || before.policyCovers(host)) {
        continue;
      }
      Finding f =
          new Finding(
              Code.LIFE_MX_OUTSIDE_CACHED_POLICY,
              enforce ? Severity.ERROR : Severity.WARNING,
              CheckStage.MX,
              host,
              "The MX host "
                  + host
                  + " is new since the check of "
                  + HistoryClock.format(before.checkedAt())
                  + ", and the "
                  + before.mode().get().word()
                  + " policy senders may have cached then does not cover it (mx: "
                  + String.join(", ", before.policyMx())
                  + "): "
                  + (enforce ? "they refuse to deliver to it" : "they report it as a failure")
                  + cachedUntil(before, now),
              "Keep the old MX hosts until the cached policies expire, or publish a policy that"
                  + " covers "
                  + host
                  + " with a new id before moving mail there.",
              0,
              0);
      out.add(f);
    }
  }

  private static void gone(CheckFacts before, CheckFacts now, List<Finding> out) {
    if (!before.servedPolicy() || before.mode().get() != Mode.ENFORCE || now.dnsTemporary()) {
      return;
    }
    String fix =
        "To withdraw MTA-STS, serve a policy with mode: none under a new id for the old max_age,"
            + " then remove the TXT record and the policy (RFC 8461 §8.3).";
    if (before.txtFound() && !now.txtFound()) {
      out.add(
          Finding.of(
              Code.LIFE_TXT_GONE,
              now.domain(),
              "The _mta-sts TXT record is gone since the check of "
                  + HistoryClock.format(before.checkedAt())
                  + ", but senders that cached the enforce policy keep applying it"
                  + cachedUntil(before, now),
              fix));
    } else if (now.txtFound() && !now.policyApplies()) {
      out.add(
          Finding.of(
              Code.LIFE_POLICY_GONE,
              now.domain(),
              "The policy can no longer be fetched (it could at the check of "
                  + HistoryClock.format(before.checkedAt())
                  + "), but senders that cached the enforce policy keep applying it"
                  + cachedUntil(before, now),
              fix));
    }
  }

  /**
   * ": until at least T1 (a sender that fetched it at the previous check), and as late as T2 if it
   * was served until this check". Senders may have fetched it any time in between.
   */
  private static String cachedUntil(CheckFacts before, CheckFacts now) {
    if (before.maxAge().isEmpty()) {
      return ".";
    }
    long maxAge = before.maxAge().get();
    return " until at least "
        + HistoryClock.format(before.checkedAt().plusSeconds(maxAge))
        + " (fetched at the previous check, max_age "
        + maxAge
        + " s), and as late as "
        + HistoryClock.format(now.checkedAt().plusSeconds(maxAge))
        + " if it was served until just now.";
  }

  private static void expiring(CheckFacts now, List<Finding> out) {
    for (CertExpiry cert : now.certificates()) {
      Duration left = Duration.between(now.checkedAt(), cert.notAfter());
      if (left.isNegative() || left.isZero() || left.compareTo(Duration.ofDays(NOTICE_DAYS)) > 0) {
        continue; // expired certificates are tls.cert-expired / fetch.cert-expired
      }
      int step =
          left.compareTo(Duration.ofDays(URGENT_DAYS)) <= 0
              ? URGENT_DAYS
              : left.compareTo(Duration.ofDays(WARNING_DAYS)) <= 0 ? WARNING_DAYS : NOTICE_DAYS;
      out.add(
          new Finding(
              Code.LIFE_CERT_EXPIRING,
              step == NOTICE_DAYS ? Severity.INFO : Severity.WARNING,
              cert.policyHost() ? CheckStage.RETRIEVAL : CheckStage.MX,
              cert.host(),
              "The certificate of "
                  + (cert.policyHost() ? "the policy host " : "the MX host ")
                  + cert.host()
                  + " expires within "
                  + step
                  + " days, on "
                  + HistoryClock.format(cert.notAfter())
                  + (cert.policyHost()
                      ? ": after that senders cannot fetch the policy."
                      : ": after that senders refuse this host under enforce."),
              "Renew the certificate of " + cert.host() + " and check that it is deployed.",
              0,
              0));
    }
  }
}
