package org.stslens.engine.senders;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.stslens.engine.dane.DaneResult;
import org.stslens.engine.dane.DaneVerdict;
import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.dns.MxKind;
import org.stslens.engine.dns.StsRecordParser;
import org.stslens.engine.fetch.FetchResult;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.mx.MxJudge;
import org.stslens.engine.mx.MxReport;
import org.stslens.engine.mx.MxVerdict;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.policy.PolicyLine;
import org.stslens.engine.policy.PolicyParser;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.senders.SenderVerdict.Applies;
import org.stslens.engine.senders.SenderVerdict.Difference;
import org.stslens.engine.senders.SenderVerdict.Outcome;

/**
 * Replays a report's evidence through one sender's profile: pure, no network. Each step follows the
 * RFC reading of the engine and departs from it only where the report exercises a behaviour whose
 * value differs for this sender; a behaviour it exercises whose value is unknown makes the answer
 * unknown.
 */
public final class SenderJudge {

  private static final long MAX_AGE_LIMIT = 31_557_600L;

  /** The shortest fetch time limit known among senders (postfix-mta-sts-resolver's default). */
  static final long SHORTEST_FETCH_LIMIT_MILLIS = 4_000;

  private static final Pattern SEMICOLON_SPACE = Pattern.compile("^v=STSv1[ \\t]+;.*$");

  private final DomainReport report;
  private final SenderProfile profile;
  private final List<Difference> differs = new ArrayList<>();
  private boolean unknown;

  /** The record counts only through a behaviour of this sender (STS Lens may not have fetched). */
  private boolean recordByDifference;

  private SenderJudge(DomainReport report, SenderProfile profile) {
    this.report = report;
    this.profile = profile;
  }

  /** Every shipped profile, in order. */
  public static List<SenderVerdict> judgeAll(DomainReport report) {
    return SenderProfiles.all().stream().map(p -> judge(report, p)).toList();
  }

  public static SenderVerdict judge(DomainReport report, SenderProfile profile) {
    return new SenderJudge(report, profile).run();
  }

  /**
   * What {@code profile} makes of a policy body alone (no TXT record, no fetch): the same policy
   * behaviours as {@link #judge}, for drafts ({@link DraftJudge}).
   */
  static Reading read(ParsedPolicy parsed, SenderProfile profile) {
    SenderJudge j = new SenderJudge(null, profile);
    Applied applied = j.parsedPolicy(parsed);
    if (j.unknown) {
      applied = Applied.UNKNOWN;
    }
    return new Reading(applied.applies(), applied.policy(), List.copyOf(j.differs));
  }

  /** The policy a sender reads from a body, and the behaviours that made it read it so. */
  record Reading(Applies applies, Optional<Policy> policy, List<Difference> differs) {}

  /** The policy the sender applies: a policy, "none without a policy" (mailauth) or none. */
  private record Applied(Applies applies, Optional<Policy> policy) {
    static Applied of(Policy p) {
      return new Applied(
          switch (p.mode()) {
            case ENFORCE -> Applies.ENFORCE;
            case TESTING -> Applies.TESTING;
            case NONE -> Applies.NONE;
          },
          Optional.of(p));
    }

    static final Applied NO_POLICY = new Applied(Applies.NO_POLICY, Optional.empty());
    static final Applied UNKNOWN = new Applied(Applies.UNKNOWN, Optional.empty());
  }

  private SenderVerdict run() {
    Applied applied = applied();
    if (unknown) {
      applied = Applied.UNKNOWN;
    }
    List<SenderVerdict.Mx> mx = new ArrayList<>();
    for (MxReport m : report.mx()) {
      mx.add(new SenderVerdict.Mx(m.host(), withDane(m, outcome(m, applied))));
    }
    return new SenderVerdict(profile, applied.applies(), delivers(applied, mx), mx, differs);
  }

  // ---- the policy -------------------------------------------------------------------------

  private Applied applied() {
    DiscoveryResult d = report.discovery();
    if (d.mxKind() == MxKind.NO_DOMAIN) {
      return Applied.NO_POLICY;
    }
    if (d.stsQuery().outcome().isTemporary()) {
      return Applied.UNKNOWN;
    }
    if (!recordUsable(d)) {
      return Applied.NO_POLICY;
    }
    if (report.fetch().isEmpty()) {
      return recordByDifference ? Applied.UNKNOWN : Applied.NO_POLICY;
    }
    FetchResult f = report.fetch().get();
    if (has(f.findings(), Code.DNS_TEMPORARY_FAILURE)) {
      return Applied.UNKNOWN;
    }
    Optional<ParsedPolicy> parsed = fetched(f);
    if (parsed.isEmpty()) {
      return fetchFailed(f);
    }
    return parsedPolicy(parsed.get());
  }

  private boolean recordUsable(DiscoveryResult d) {
    if (d.hasValidRecord()) {
      if (has(d.findings(), Code.TXT_UNRELATED_RECORDS)
          && differs(Behaviour.TXT_UNRELATED_RECORDS, "lookup-fails")) {
        return false;
      }
      // The grammar allows "v=STSv1 ;" (sts-field-delim); a literal "v=STSv1;" prefix does not.
      boolean spaced =
          d.stsRecord()
              .flatMap(r -> r.candidate())
              .map(c -> SEMICOLON_SPACE.matcher(c).matches())
              .orElse(false);
      return !(spaced && differs(Behaviour.TXT_SEMICOLON_SPACE, "reject"));
    }
    List<Code> errors = errors(d.findings());
    if (errors.equals(List.of(Code.TXT_INVALID_ID))) {
      return differs(Behaviour.TXT_INVALID_ID, "accept");
    }
    if (has(d.findings(), Code.TXT_DISCARDED_LOOKALIKE)
        && validOnceRecased(d)
        && differs(Behaviour.TXT_VERSION_CASE, "case-insensitive")) {
      recordByDifference = true;
      return true;
    }
    return false;
  }

  /** True when the TXT RRset holds one valid record once a {@code v=stsv1} prefix is re-cased. */
  private static boolean validOnceRecased(DiscoveryResult d) {
    List<List<String>> recased =
        d.stsQuery().txtStrings().stream()
            .map(strings -> String.join("", strings).trim())
            .map(
                r ->
                    r.regionMatches(true, 0, StsRecordParser.VERSION, 0, 7)
                        ? StsRecordParser.VERSION + r.substring(7)
                        : r)
            .map(List::of)
            .toList();
    return StsRecordParser.parse(recased).valid();
  }

  /** The parsed body when this sender goes on to parse it, or empty on a fetch failure. */
  private Optional<ParsedPolicy> fetched(FetchResult f) {
    if (f.headers().stream().anyMatch(h -> hasControl(h.name()) || hasControl(h.value()))
        && differs(Behaviour.FETCH_HEADER_CONTROLS, "fetch-fails")) {
      return Optional.empty();
    }
    List<Code> errors = errors(f.findings());
    if (errors.isEmpty() && f.status() == 200) {
      if (contentTypeHasParameters(f) && differs(Behaviour.FETCH_MEDIA_TYPE, "strict")) {
        return Optional.empty();
      }
      if (servedMillis(f) > SHORTEST_FETCH_LIMIT_MILLIS
          && differs(Behaviour.FETCH_TIME_LIMIT, "4s")) {
        return Optional.empty();
      }
      return report.policy().or(() -> Optional.of(PolicyParser.parse(f.body())));
    }
    // Each error below is one some senders do not see as an error; any other one fails everywhere.
    boolean accepted = !errors.isEmpty();
    for (Code c : errors) {
      accepted &=
          switch (c) {
            case FETCH_HTTP_STATUS ->
                f.status() >= 200 && f.status() < 300 && differs(Behaviour.FETCH_STATUS, "any-2xx");
            case FETCH_CONTENT_TYPE -> differs(Behaviour.FETCH_MEDIA_TYPE, "not-checked");
            case FETCH_TOO_LARGE -> differs(Behaviour.FETCH_SIZE_LIMIT, "unlimited");
            case FETCH_REDIRECT -> {
              // STS Lens never follows: what a following sender would read there is not known
              if (differs(Behaviour.FETCH_REDIRECTS, "followed")) {
                unknown = true;
              }
              yield false;
            }
            default -> false;
          };
    }
    if (!accepted) {
      return Optional.empty();
    }
    if (f.bodyTruncated()) {
      // The sender reads what STS Lens stopped reading: what it would parse is not known.
      unknown = true;
      return Optional.empty();
    }
    return Optional.of(PolicyParser.parse(f.body()));
  }

  /**
   * The fetch's time without its TLS handshake. The handshake's time is mostly STS Lens's own: a
   * fresh JVM's first handshakes took 2.1 to 2.6 s in the interop suite (RealSendersIT), where the
   * resolver fetched the same policies well within its 4 s. A slow server shows in the connect, the
   * wait for the status line and the body, which stay counted.
   */
  static long servedMillis(FetchResult f) {
    return f.timings().total() - Math.max(0, f.timings().tls());
  }

  private Applied fetchFailed(FetchResult f) {
    return fetchFailed(f.findings());
  }

  private Applied fetchFailed(List<Finding> fetchFindings) {
    if (unknown) {
      return Applied.UNKNOWN;
    }
    if (!differs(Behaviour.FETCH_FAILURE_NO_CACHE, "none-for-an-hour")) {
      return unknown ? Applied.UNKNOWN : Applied.NO_POLICY;
    }
    // mailauth: a policy host without an address is "not found", not an error worth an hour
    if (has(fetchFindings, Code.FETCH_HOST_UNRESOLVABLE)
        && differs(Behaviour.POLICY_HOST_NO_ADDRESS, "no-policy")) {
      return Applied.NO_POLICY;
    }
    return unknown ? Applied.UNKNOWN : new Applied(Applies.NONE, Optional.empty());
  }

  /**
   * A fetched policy this sender will not use. Where the profile says so (mailauth's getPolicy
   * throws on it inside the same try as the fetch) it is a fetch failure; elsewhere no policy.
   */
  private Applied rejected() {
    if (!value(Behaviour.FETCH_FAILURE_NO_CACHE).equals("none-for-an-hour")) {
      return Applied.NO_POLICY;
    }
    if (report == null) {
      // a draft (read): once published it would be fetched, then rejected like a failed fetch
      return fetchFailed(List.of());
    }
    return report.fetch().map(this::fetchFailed).orElse(Applied.NO_POLICY);
  }

  /** An ASCII control other than HTAB: invalid in an HTTP field (RFC 9110 §5.5). */
  private static boolean hasControl(String s) {
    return s.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f);
  }

  private Applied parsedPolicy(ParsedPolicy parsed) {
    List<Finding> findings = parsed.findings();
    boolean rebuild = false;
    java.util.Set<Integer> lost = new java.util.HashSet<>(); // a set: drafts can have many lines
    if (has(findings, Code.POLICY_BOM) && differs(Behaviour.POLICY_BOM, "rejected")) {
      return rejected();
    }
    if (has(findings, Code.POLICY_WHITESPACE)) {
      String v = value(Behaviour.POLICY_KEY_WHITESPACE);
      if (differs(Behaviour.POLICY_KEY_WHITESPACE, "rejected")) {
        return rejected();
      }
      if (v.equals("field-lost")) {
        findings.stream()
            .filter(x -> x.code() == Code.POLICY_WHITESPACE)
            .forEach(x -> lost.add(x.line()));
        rebuild = true;
      }
    }
    boolean lastWins =
        has(findings, Code.POLICY_DUPLICATE_FIELD)
            && differs(Behaviour.POLICY_DUPLICATE_KEYS, "last-wins");
    rebuild |= lastWins;
    if (has(findings, Code.POLICY_BLANK_LINE)
        && differs(Behaviour.POLICY_BLANK_LINES, "rejected")) {
      return rejected();
    }
    if (has(findings, Code.POLICY_LINE_ENDINGS)
        && differs(Behaviour.POLICY_LINE_ENDINGS, "crlf-only")) {
      return rejected();
    }
    if (has(findings, Code.POLICY_UNKNOWN_FIELD)
        && differs(Behaviour.POLICY_EXTENSION_KEYS, "rejected")) {
      return rejected();
    }
    List<Code> errors = errors(findings);
    boolean missingModeAsNone = false;
    long maxAgeCap = MAX_AGE_LIMIT;
    if (!errors.isEmpty()) {
      for (Code c : errors) {
        boolean recovered =
            switch (c) {
              case POLICY_MISSING_MODE -> {
                missingModeAsNone = differs(Behaviour.POLICY_MISSING_MODE, "none");
                yield missingModeAsNone;
              }
              case POLICY_INVALID_MAX_AGE -> {
                if (!maxAgeOverLimit(parsed)) {
                  yield false;
                }
                String v = value(Behaviour.POLICY_MAX_AGE_OVER_LIMIT);
                note(Behaviour.POLICY_MAX_AGE_OVER_LIMIT);
                if (v.equals("accept")) {
                  maxAgeCap = Long.MAX_VALUE;
                }
                yield v.equals("accept") || v.equals("clamp");
              }
              case POLICY_INVALID_MODE ->
                  modeValidLowerCased(parsed)
                      && differs(Behaviour.POLICY_MODE_CASE, "case-insensitive");
              default -> false;
            };
        if (!recovered) {
          return unknown ? Applied.UNKNOWN : rejected();
        }
      }
      rebuild = true;
    }
    if (unknown) {
      return Applied.UNKNOWN;
    }
    if (!rebuild) {
      return parsed.policy().map(Applied::of).orElseGet(this::rejected);
    }
    if (missingModeAsNone) {
      return new Applied(Applies.NONE, Optional.empty());
    }
    return rebuilt(parsed.lines(), lost, maxAgeCap, lastWins)
        .map(Applied::of)
        .orElseGet(this::rejected);
  }

  /** The policy read from its lines, leaving out {@code lost} lines, as a lenient sender does. */
  private static Optional<Policy> rebuilt(
      List<PolicyLine> lines, java.util.Set<Integer> lost, long cap, boolean lastWins) {
    Map<String, String> first = new java.util.LinkedHashMap<>();
    List<MxPattern> mx = new ArrayList<>();
    for (PolicyLine l : lines) {
      if (lost.contains(l.number())) {
        continue;
      }
      if (lastWins) {
        first.put(l.key(), l.value());
      } else {
        first.putIfAbsent(l.key(), l.value());
      }
      if (l.key().equals("mx")) {
        MxPattern.parse(l.value()).ifPresent(mx::add);
      }
    }
    // only a sender that reads the mode case-insensitively gets here with "Enforce"
    Optional<Mode> mode =
        Optional.ofNullable(first.get("mode"))
            .map(m -> m.toLowerCase(java.util.Locale.ROOT))
            .flatMap(Mode::ofWord);
    String maxAge = first.get("max_age");
    if (!"STSv1".equals(first.get("version"))
        || mode.isEmpty()
        || maxAge == null
        || !maxAge.matches("[0-9]{1,18}")
        || (mode.get() != Mode.NONE && mx.isEmpty())) {
      return Optional.empty();
    }
    return Optional.of(new Policy("STSv1", mode.get(), Math.min(Long.parseLong(maxAge), cap), mx));
  }

  private static boolean modeValidLowerCased(ParsedPolicy parsed) {
    String v = parsed.firstValues().get("mode");
    return v != null && Mode.ofWord(v.toLowerCase(java.util.Locale.ROOT)).isPresent();
  }

  private static boolean maxAgeOverLimit(ParsedPolicy parsed) {
    String v = parsed.firstValues().get("max_age");
    return v != null && v.matches("[0-9]{1,18}") && Long.parseLong(v) > MAX_AGE_LIMIT;
  }

  private static boolean contentTypeHasParameters(FetchResult f) {
    return f.header("Content-Type").map(v -> v.contains(";")).orElse(false);
  }

  // ---- the MX hosts -----------------------------------------------------------------------

  private Outcome outcome(MxReport m, Applied applied) {
    if (applied.applies() == Applies.UNKNOWN) {
      return Outcome.UNKNOWN;
    }
    Optional<Policy> policy = applied.policy();
    Optional<Policy> rfcPolicy =
        report.policyApplies() ? report.policy().flatMap(ParsedPolicy::policy) : Optional.empty();
    MxReport judged = policy.equals(rfcPolicy) ? m : MxJudge.judge(m.probe(), policy);
    if (policy.isPresent() && policy.get().mode() != Mode.NONE) {
      judged = adjustedMatching(judged, policy.get());
    }
    if (judged == null) {
      return Outcome.UNKNOWN;
    }
    Outcome o = word(judged.verdict());
    if (o == Outcome.REPORT) {
      String v = value(Behaviour.TESTING_MODE);
      if (v.equals(Behaviour.UNKNOWN)) {
        note(Behaviour.TESTING_MODE);
        return Outcome.UNKNOWN;
      }
      if (differs(Behaviour.TESTING_MODE, "deliver-without-report")) {
        return Outcome.DELIVER;
      }
    }
    return o;
  }

  /** The MX judged again where this sender matches patterns differently; null when unknown. */
  private MxReport adjustedMatching(MxReport m, Policy policy) {
    Policy p = policy;
    boolean trailingDot = p.mx().stream().anyMatch(x -> x.written().endsWith("."));
    if (trailingDot && differs(Behaviour.MX_TRAILING_DOT, "never-matches")) {
      p =
          new Policy(
              p.version(),
              p.mode(),
              p.maxAge(),
              p.mx().stream().filter(x -> !x.written().endsWith(".")).toList());
    } else if (trailingDot && unknownNow()) {
      return null;
    }
    if (p != policy) {
      m = MxJudge.judge(m.probe(), Optional.of(p));
    }
    boolean deeper = m.findings().stream().anyMatch(f -> f.code() == Code.MX_WILDCARD_DEPTH);
    if (deeper) {
      if (differs(Behaviour.MX_WILDCARD_DEPTH, "any-depth")) {
        String host = m.host();
        List<MxPattern> extended = new ArrayList<>(p.mx());
        p.mx().stream()
            .filter(x -> x.isWildcard() && host.endsWith(x.normalized().substring(1)))
            .findFirst()
            .flatMap(x -> MxPattern.parse(host))
            .ifPresent(extended::add);
        return MxJudge.judge(
            m.probe(), Optional.of(new Policy(p.version(), p.mode(), p.maxAge(), extended)));
      }
      if (unknownNow()) {
        return null;
      }
    }
    return m;
  }

  private static Outcome word(MxVerdict v) {
    return switch (v) {
      case DELIVER -> Outcome.DELIVER;
      case REFUSE -> Outcome.REFUSE;
      case REPORT -> Outcome.REPORT;
      case UNREACHABLE -> Outcome.UNREACHABLE;
      case NOT_PROBED -> Outcome.UNKNOWN;
    };
  }

  /**
   * Where the MX has secure TLSA records (DANE pass or fail), a sender that supports DANE applies
   * it before MTA-STS (RFC 8461 §2): DANE pass delivers, DANE fail refuses. The rfc8461 row is a
   * sender of MTA-STS alone (STS Lens's verdict); postfix-mta-sts-resolver's socketmap answer
   * overrides Postfix's own DANE level (sts-first), and Postfix with default settings does no DANE
   * without a policy either, so its MTA-STS outcome stands.
   */
  private Outcome withDane(MxReport m, Outcome sts) {
    DaneVerdict dane = m.dane().map(DaneResult::verdict).orElse(DaneVerdict.NONE);
    if (dane == DaneVerdict.NONE || sts == Outcome.UNKNOWN) {
      return sts;
    }
    Outcome byDane = dane == DaneVerdict.PASS ? Outcome.DELIVER : Outcome.REFUSE;
    if (byDane == sts) {
      return sts;
    }
    note(Behaviour.DANE_PRECEDENCE);
    String v = value(Behaviour.DANE_PRECEDENCE);
    if (v.equals(Behaviour.UNKNOWN)) {
      return Outcome.UNKNOWN;
    }
    return v.equals("dane-first") ? byDane : sts;
  }

  private Optional<Boolean> delivers(Applied applied, List<SenderVerdict.Mx> mx) {
    MxKind kind = report.discovery().mxKind();
    if (kind == MxKind.NULL || kind == MxKind.NO_DOMAIN) {
      return Optional.of(false);
    }
    if (applied.applies() == Applies.UNKNOWN || kind == MxKind.UNKNOWN) {
      return Optional.empty();
    }
    if (mx.stream()
        .anyMatch(m -> m.outcome() == Outcome.DELIVER || m.outcome() == Outcome.REPORT)) {
      return Optional.of(true);
    }
    boolean testingUnknown = applied.applies() == Applies.TESTING;
    if (!testingUnknown && mx.stream().allMatch(m -> m.outcome() == Outcome.REFUSE)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  // ---- behaviours -------------------------------------------------------------------------

  /**
   * Records that the report exercises {@code b}: true when this sender's value is {@code value}; a
   * value other than the RFC's is a difference, an unknown one makes the answer unknown.
   */
  private boolean differs(Behaviour b, String value) {
    note(b);
    return value(b).equals(value);
  }

  /** The last behaviour noted was unknown for this sender. */
  private boolean unknownNow() {
    return !differs.isEmpty()
        && differs.get(differs.size() - 1).thisSender().equals(Behaviour.UNKNOWN);
  }

  private void note(Behaviour b) {
    SenderProfile.Fact f = profile.fact(b);
    if (f.value().equals(b.rfc())) {
      return;
    }
    if (f.unknown()) {
      unknown = unknown || b != Behaviour.TESTING_MODE && !isMxBehaviour(b);
    }
    if (differs.stream().noneMatch(d -> d.behaviour() == b)) {
      differs.add(new Difference(b, f.value(), b.rfc(), f.source()));
    }
  }

  private static boolean isMxBehaviour(Behaviour b) {
    return b == Behaviour.MX_WILDCARD_DEPTH
        || b == Behaviour.MX_TRAILING_DOT
        || b == Behaviour.DANE_PRECEDENCE;
  }

  private String value(Behaviour b) {
    return profile.value(b);
  }

  private static boolean has(List<Finding> findings, Code code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }

  private static List<Code> errors(List<Finding> findings) {
    return findings.stream().filter(Finding::isError).map(Finding::code).distinct().toList();
  }
}
