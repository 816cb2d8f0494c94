package org.stslens.engine.senders;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.Policy;
import org.stslens.engine.policy.PolicyLine;
import org.stslens.engine.policy.PolicyParser;
import org.stslens.engine.senders.SenderVerdict.Applies;
import org.stslens.engine.senders.SenderVerdict.Difference;
import org.stslens.engine.senders.SenderVerdict.Outcome;

/**
 * What each sender would do with a draft policy text alone: no TXT record, no fetch, no probe. The
 * policy is read with {@link SenderJudge}'s behaviours; each MX host is judged by the policy's
 * patterns only, as if its TLS passed. Pure and linear in the text.
 */
public final class DraftJudge {

  private DraftJudge() {}

  /**
   * @param verdicts one per profile, in the report's order
   * @param sentences where a sender departs from the RFC reading, in words, RFC profile order
   */
  public record Judgement(List<SenderVerdict> verdicts, List<String> sentences) {
    public Judgement {
      verdicts = List.copyOf(verdicts);
      sentences = List.copyOf(sentences);
    }
  }

  /**
   * @param body the policy file as senders would fetch it
   * @param mxHosts the MX hosts to judge; when empty, the draft's literal {@code mx} patterns
   */
  public static Judgement judge(String body, List<String> mxHosts) {
    return judge(PolicyParser.parse(body), body, mxHosts);
  }

  /** As {@link #judge(String, List)} with {@code body} already parsed. */
  public static Judgement judge(ParsedPolicy parsed, String body, List<String> mxHosts) {
    List<String> hosts = mxHosts.isEmpty() ? literalPatterns(parsed) : List.copyOf(mxHosts);
    List<SenderVerdict> verdicts =
        SenderProfiles.all().stream().map(p -> judge(parsed, hosts, p)).toList();
    return new Judgement(verdicts, new Sentences(parsed, body).of(verdicts));
  }

  static SenderVerdict judge(ParsedPolicy parsed, List<String> hosts, SenderProfile profile) {
    SenderJudge.Reading reading = SenderJudge.read(parsed, profile);
    List<Difference> differs = new ArrayList<>(reading.differs());
    List<SenderVerdict.Mx> mx = new ArrayList<>();
    for (String host : hosts) {
      mx.add(new SenderVerdict.Mx(host, outcome(reading, host, profile, differs)));
    }
    return new SenderVerdict(profile, reading.applies(), delivers(mx), mx, differs);
  }

  private static List<String> literalPatterns(ParsedPolicy parsed) {
    Set<String> hosts = new LinkedHashSet<>();
    for (PolicyLine l : parsed.lines()) {
      if (l.key().equals("mx")) {
        MxPattern.parse(l.value())
            .filter(p -> !p.isWildcard())
            .ifPresent(p -> hosts.add(p.normalized()));
      }
    }
    return List.copyOf(hosts);
  }

  private static Outcome outcome(
      SenderJudge.Reading reading, String host, SenderProfile profile, List<Difference> differs) {
    if (reading.applies() == Applies.UNKNOWN) {
      return Outcome.UNKNOWN;
    }
    Optional<Policy> policy = reading.policy();
    if (policy.isEmpty() || policy.get().mode() == Mode.NONE) {
      return Outcome.DELIVER; // no policy restricts the host
    }
    Optional<Boolean> matched = matches(policy.get(), host, profile, differs);
    if (matched.isEmpty()) {
      return Outcome.UNKNOWN;
    }
    if (matched.get()) {
      return Outcome.DELIVER;
    }
    if (policy.get().mode() == Mode.ENFORCE) {
      return Outcome.REFUSE;
    }
    String testing = note(Behaviour.TESTING_MODE, profile, differs);
    return switch (testing) {
      case Behaviour.UNKNOWN -> Outcome.UNKNOWN;
      case "deliver-without-report" -> Outcome.DELIVER;
      default -> Outcome.REPORT;
    };
  }

  /** Whether this sender's matching covers {@code host}; empty when its matching is unknown. */
  private static Optional<Boolean> matches(
      Policy policy, String host, SenderProfile profile, List<Difference> differs) {
    boolean unknown = false;
    for (MxPattern p : policy.mx()) {
      if (p.written().endsWith(".") && p.matches(host)) {
        String v = note(Behaviour.MX_TRAILING_DOT, profile, differs);
        if (v.equals("never-matches")) {
          continue;
        }
        unknown |= v.equals(Behaviour.UNKNOWN);
        if (!unknown) {
          return Optional.of(true);
        }
        continue;
      }
      if (p.matches(host)) {
        return Optional.of(true);
      }
      if (p.isWildcard() && deeperUnder(p, host)) {
        String v = note(Behaviour.MX_WILDCARD_DEPTH, profile, differs);
        if (v.equals("any-depth")) {
          return Optional.of(true);
        }
        unknown |= v.equals(Behaviour.UNKNOWN);
      }
    }
    return unknown ? Optional.empty() : Optional.of(false);
  }

  /** {@code *.rest} and a host two or more labels under {@code rest}. */
  private static boolean deeperUnder(MxPattern p, String host) {
    String suffix = p.normalized().substring(1); // ".rest"
    String h = host.toLowerCase(java.util.Locale.ROOT);
    h = h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    return h.endsWith(suffix) && h.substring(0, h.length() - suffix.length()).contains(".");
  }

  /** The sender's value for {@code b}, recorded as a difference when it is not the RFC's. */
  private static String note(Behaviour b, SenderProfile profile, List<Difference> differs) {
    SenderProfile.Fact f = profile.fact(b);
    if (!f.value().equals(b.rfc()) && differs.stream().noneMatch(d -> d.behaviour() == b)) {
      differs.add(new Difference(b, f.value(), b.rfc(), f.source()));
    }
    return f.value();
  }

  private static Optional<Boolean> delivers(List<SenderVerdict.Mx> mx) {
    if (mx.isEmpty()) {
      return Optional.empty();
    }
    if (mx.stream()
        .anyMatch(m -> m.outcome() == Outcome.DELIVER || m.outcome() == Outcome.REPORT)) {
      return Optional.of(true);
    }
    return mx.stream().allMatch(m -> m.outcome() == Outcome.REFUSE)
        ? Optional.of(false)
        : Optional.empty();
  }

  /** The sentences for people: what makes a sender read the draft otherwise than the RFC. */
  private static final class Sentences {
    private final ParsedPolicy parsed;
    private final List<String> rawLines;

    Sentences(ParsedPolicy parsed, String body) {
      this.parsed = parsed;
      this.rawLines = List.of(body.split("\r\n|\n|\r", -1));
    }

    /** One sentence per distinct reading, naming every sender that reads the draft so. */
    List<String> of(List<SenderVerdict> verdicts) {
      SenderVerdict rfc = verdicts.get(0);
      java.util.Map<String, List<String>> said = new java.util.LinkedHashMap<>();
      for (SenderVerdict v : verdicts.subList(1, verdicts.size())) {
        String name = Disagreements.shortName(v.profile());
        if (v.applies() == Applies.UNKNOWN) {
          said.computeIfAbsent(
                  "cannot be told: the sources do not establish " + unknowns(v) + ".",
                  k -> new ArrayList<>())
              .add(name);
        } else if (v.applies() != rfc.applies()) {
          String why = reasons(v, false);
          String what =
              v.applies() == Applies.NO_POLICY
                  ? "would reject this draft"
                  : "would apply this draft as "
                      + v.applies().word()
                      + (rfc.applies() == Applies.NO_POLICY
                          ? " although RFC 8461 rejects it"
                          : " (RFC 8461: " + rfc.applies().word() + ")");
          said.computeIfAbsent(
                  what + (why.isEmpty() ? "." : ": " + why + "."), k -> new ArrayList<>())
              .add(name);
        } else {
          for (int i = 0; i < v.mx().size(); i++) {
            SenderVerdict.Mx m = v.mx().get(i);
            Outcome r = rfc.mx().get(i).outcome();
            if (m.outcome() != r && m.outcome() != Outcome.UNKNOWN) {
              String why = reasons(v, true);
              said.computeIfAbsent(
                      "would "
                          + m.outcome().word()
                          + " "
                          + m.host()
                          + " (RFC 8461: "
                          + r.word()
                          + ")"
                          + (why.isEmpty() ? "." : ": " + why + "."),
                      k -> new ArrayList<>())
                  .add(name);
            }
          }
        }
      }
      List<String> out = new ArrayList<>();
      said.forEach(
          (what, names) ->
              out.add(
                  (what.startsWith("cannot")
                          ? "What "
                              + and(names)
                              + " do"
                              + (names.size() == 1 ? "es" : "")
                              + " with this draft "
                          : and(names) + " ")
                      + what));
      return out;
    }

    private static String and(List<String> names) {
      return names.size() == 1
          ? names.get(0)
          : String.join(", ", names.subList(0, names.size() - 1))
              + " and "
              + names.get(names.size() - 1);
    }

    private static String unknowns(SenderVerdict v) {
      return v.differs().stream()
          .filter(d -> d.thisSender().equals(Behaviour.UNKNOWN))
          .map(d -> d.behaviour().id())
          .collect(Collectors.joining(", "));
    }

    private String reasons(SenderVerdict v, boolean mx) {
      return v.differs().stream()
          .filter(d -> isMx(d.behaviour()) == mx)
          .map(this::reason)
          .distinct()
          .collect(Collectors.joining("; "));
    }

    private static boolean isMx(Behaviour b) {
      return b == Behaviour.MX_WILDCARD_DEPTH
          || b == Behaviour.MX_TRAILING_DOT
          || b == Behaviour.TESTING_MODE;
    }

    /** The draft's text that exercises {@code d}, in words. */
    String reason(Difference d) {
      return switch (d.behaviour()) {
        case POLICY_KEY_WHITESPACE -> at(Code.POLICY_WHITESPACE, this::spacedKey);
        case POLICY_BOM -> "the text starts with a byte order mark (BOM)";
        case POLICY_BLANK_LINES -> at(Code.POLICY_BLANK_LINE, n -> "line " + n + " is blank");
        case POLICY_LINE_ENDINGS -> "its lines end in LF, not CRLF";
        case POLICY_EXTENSION_KEYS ->
            at(
                Code.POLICY_UNKNOWN_FIELD,
                n -> "the key `" + key(n) + "` is not one RFC 8461 defines");
        case POLICY_MISSING_MODE -> "it has no mode";
        case POLICY_MAX_AGE_OVER_LIMIT ->
            "max_age " + parsed.firstValues().get("max_age") + " is above 31557600 (a year)";
        case POLICY_MODE_CASE ->
            "the mode `" + parsed.firstValues().get("mode") + "` is not in lower case";
        case MX_WILDCARD_DEPTH -> "it lets a wildcard pattern cover more than one label";
        case MX_TRAILING_DOT -> "it never matches a pattern that ends in a dot";
        default -> d.behaviour().id() + " is " + d.thisSender() + " (RFC 8461: " + d.rfc() + ")";
      };
    }

    /** The first finding of {@code code} described by its line number. */
    private String at(Code code, java.util.function.IntFunction<String> describe) {
      return parsed.findings().stream()
          .filter(f -> f.code() == code)
          .map(Finding::line)
          .findFirst()
          .map(describe::apply)
          .orElse(code.id());
    }

    private String key(int line) {
      return parsed.lines().stream()
          .filter(l -> l.number() == line)
          .map(PolicyLine::key)
          .findFirst()
          .orElse("?");
    }

    /** "the key `mode ` has a space before the colon", from the line as written. */
    private String spacedKey(int line) {
      String raw = line - 1 < rawLines.size() ? rawLines.get(line - 1).replace("\uFEFF", "") : "";
      int colon = raw.indexOf(':');
      String written = colon < 0 ? raw : raw.substring(0, colon);
      boolean leading =
          !written.isEmpty() && (written.charAt(0) == ' ' || written.charAt(0) == '\t');
      char ws =
          leading
              ? written.charAt(0)
              : written.isEmpty() ? ' ' : written.charAt(written.length() - 1);
      String what = ws == '\t' ? "a tab" : "a space";
      return "the key `"
          + written
          + "` "
          + (leading ? "starts with " + what : "has " + what + " before the colon");
    }
  }
}
