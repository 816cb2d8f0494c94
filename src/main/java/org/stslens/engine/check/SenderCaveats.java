package org.stslens.engine.check;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.stslens.engine.dns.DiscoveryResult;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.PolicyLine;

/**
 * Where real senders part from the RFC reading of a policy that STS Lens applies, in one sentence
 * for the verdict's reason, so that the verdict never contradicts the findings that say "some
 * senders reject". It names only what the senders' sources show (see docs/senders.md):
 *
 * <ul>
 *   <li>postfix-mta-sts-resolver ({@code utils.py parse_mta_sts_policy}, {@code resolver.py}): keys
 *       are compared untrimmed, so a space around a key or a BOM before the first one loses the
 *       field (a body without charset is even decoded as ASCII); a policy without version, mode,
 *       max_age or any mx is a fetch error. Blank lines are harmless.
 *   <li>go-mtasts, used by maddy ({@code mtasts.go readPolicy}, {@code cache.go}): every line must
 *       split into exactly two parts at ':', so a blank line rejects the policy; keys are not
 *       trimmed; any TXT record next to the v=STSv1 one means no policy.
 *   <li>mox ({@code mtasts/parse.go ParsePolicy}): a strict parser; a BOM, a blank line or a space
 *       before a key or its colon is a syntax error.
 * </ul>
 *
 * Pure.
 */
final class SenderCaveats {

  /** The senders whose parsing is known from their sources. */
  enum Sender {
    POSTFIX_MTA_STS_RESOLVER("postfix-mta-sts-resolver"),
    GO_MTASTS("go-mtasts (used by maddy)"),
    MOX("mox");

    private final String shown;

    Sender(String shown) {
      this.shown = shown;
    }
  }

  /** What a sender does instead of applying the policy as the RFC reads it. */
  private enum Effect {
    REJECT("rejects this policy", "reject this policy"),
    NO_POLICY("finds no policy at all", "find no policy at all"),
    DROP_PATTERN("ignores that mx pattern", "ignore that mx pattern");

    private final String one;
    private final String several;

    Effect(String one, String several) {
      this.one = one;
      this.several = several;
    }
  }

  private record Group(Set<Sender> senders, Effect effect) {}

  private static final List<String> REQUIRED_KEYS = List.of("version", "mode", "max_age");

  private SenderCaveats() {}

  /**
   * "Real senders differ: ..." or empty when every sender above reads the policy as the RFC does.
   */
  static Optional<String> sentence(DiscoveryResult discovery, ParsedPolicy policy) {
    Map<Group, List<String>> causes = new LinkedHashMap<>();
    String stsName = "_mta-sts." + discovery.domain();
    if (has(discovery.findings(), Code.TXT_UNRELATED_RECORDS)) {
      add(
          causes,
          EnumSet.of(Sender.GO_MTASTS),
          Effect.NO_POLICY,
          "other TXT records at " + stsName);
    }
    if (has(policy.findings(), Code.POLICY_BOM)) {
      add(
          causes,
          EnumSet.allOf(Sender.class),
          Effect.REJECT,
          "a byte-order mark before the first field");
    }
    for (Finding f : policy.findings()) {
      if (f.code() == Code.POLICY_WHITESPACE) {
        whitespace(causes, policy, f.line());
      }
    }
    if (has(policy.findings(), Code.POLICY_BLANK_LINE)) {
      add(causes, EnumSet.of(Sender.GO_MTASTS, Sender.MOX), Effect.REJECT, "blank lines");
    }
    if (causes.isEmpty()) {
      return Optional.empty();
    }
    List<String> clauses = new ArrayList<>();
    causes.forEach(
        (group, why) ->
            clauses.add(
                names(group.senders())
                    + " "
                    + (group.senders().size() == 1 ? group.effect().one : group.effect().several)
                    + " ("
                    + String.join("; ", why)
                    + ")"));
    boolean noPolicyForSome =
        causes.keySet().stream().anyMatch(g -> g.effect() != Effect.DROP_PATTERN);
    return Optional.of(
        "Real senders differ: "
            + String.join("; ", clauses)
            + "."
            + (noPolicyForSome
                ? " A sender that rejects the policy or finds none delivers as if the domain had"
                    + " no MTA-STS, unless it cached an earlier policy."
                : ""));
  }

  /**
   * A space around a key: the strict parser (mox) rejects the policy whatever the key; the two that
   * compare keys untrimmed lose the field, which rejects the policy when the field was required
   * (version, mode, max_age, or the only usable mx) and otherwise loses an mx pattern or a field
   * they would ignore anyway.
   */
  private static void whitespace(Map<Group, List<String>> causes, ParsedPolicy policy, int line) {
    Optional<PolicyLine> written =
        policy.lines().stream().filter(l -> l.number() == line).findFirst();
    String key = written.map(PolicyLine::key).orElse("");
    String cause = "spaces around the key \"" + key + "\" on line " + line;
    Set<Sender> untrimmed = EnumSet.of(Sender.POSTFIX_MTA_STS_RESOLVER, Sender.GO_MTASTS);
    boolean mx = key.equals("mx");
    if (REQUIRED_KEYS.contains(key) || (mx && !otherCleanMx(policy, line))) {
      add(causes, EnumSet.allOf(Sender.class), Effect.REJECT, cause);
      return;
    }
    add(causes, EnumSet.of(Sender.MOX), Effect.REJECT, cause);
    if (mx) {
      add(causes, untrimmed, Effect.DROP_PATTERN, cause);
    }
  }

  /** Another mx line without a space around its key: the untrimmed parsers keep a pattern. */
  private static boolean otherCleanMx(ParsedPolicy policy, int line) {
    boolean modeNone =
        policy.policy().map(p -> p.mode() == Mode.NONE).orElse(false); // none needs no mx
    return modeNone
        || policy.lines().stream()
            .filter(l -> l.key().equals("mx") && l.number() != line)
            .anyMatch(
                l ->
                    policy.findings().stream()
                        .noneMatch(
                            f -> f.code() == Code.POLICY_WHITESPACE && f.line() == l.number()));
  }

  private static void add(
      Map<Group, List<String>> causes, Set<Sender> senders, Effect effect, String cause) {
    List<String> list =
        causes.computeIfAbsent(new Group(Set.copyOf(senders), effect), g -> new ArrayList<>());
    if (!list.contains(cause)) {
      list.add(cause);
    }
  }

  private static boolean has(List<Finding> findings, Code code) {
    return findings.stream().anyMatch(f -> f.code() == code);
  }

  private static String names(Set<Sender> senders) {
    List<String> shown =
        EnumSet.copyOf(senders).stream().map(s -> s.shown).toList(); // in enum order
    if (shown.size() == 1) {
      return shown.get(0);
    }
    return String.join(", ", shown.subList(0, shown.size() - 1))
        + " and "
        + shown.get(shown.size() - 1);
  }
}
