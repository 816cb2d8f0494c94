package org.stslens.workbench.edit;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stslens.engine.finding.Code;
import org.stslens.engine.names.DomainNames;
import org.stslens.engine.policy.KeyTypos;
import org.stslens.engine.policy.MxPattern;
import org.stslens.engine.policy.MxPatternProblem;
import org.stslens.engine.policy.PolicyLine;

/**
 * The quick fixes for the common policy mistakes: a missing field, a key in the wrong case or with
 * a typo ({@code Mode:}, {@code max-age}), a BOM, a comma-separated {@code mx} line, a value in the
 * wrong case, a max_age with units, an mx pattern with a trailing dot, spaces around a key, a
 * duplicate field, blank lines. Each fix is computed from the draft as it is now and is pure.
 */
public final class QuickFixes {

  /** One week: the RFC's own example value and a sensible default. */
  static final String ONE_WEEK = "604800";

  private static final long MAX_AGE_LIMIT = 31_557_600L;

  /**
   * {@code key value} or {@code key = value}: a key, then blanks with at most one {@code =}, then a
   * value. Written so that nothing backtracks more than once: with {@code \\s*[=\\s]\\s*}, a long
   * run of blanks before a value that fails {@code .*$} (a U+2028 in it) took quadratic time. The
   * second branch is the value starting with {@code =} ({@code mode = =x}), as the former pattern
   * allowed.
   */
  private static final Pattern KEY_VALUE_WITHOUT_COLON =
      Pattern.compile("^([A-Za-z_-]++)(?:\\s*+=\\s*+(?=\\S)|\\s++)(\\S.*)$");

  private QuickFixes() {}

  private static final Set<Code> MISSING_FIELDS =
      EnumSet.of(
          Code.POLICY_MISSING_VERSION, Code.POLICY_MISSING_MODE, Code.POLICY_MISSING_MAX_AGE);

  /**
   * The fixes for one diagnostic.
   *
   * @param mxHosts the MX hosts of the last check, to fill a missing {@code mx} (may be empty)
   */
  public static List<QuickFix> forDiagnostic(
      DraftAnalysis draft, Diagnostic diagnostic, List<String> mxHosts) {
    Code code = diagnostic.finding().code();
    Optional<PolicyLine> line = draft.policyLine(diagnostic.line());
    if (MISSING_FIELDS.contains(code) && line.isPresent()) {
      return fixKey(draft, line.get()); // the line misspells the missing key: rename it
    }
    return switch (code) {
      case POLICY_MISSING_VERSION ->
          List.of(insertLineAtTop(draft, "version: STSv1", "Add `version: STSv1`"));
      case POLICY_MISSING_MODE ->
          List.of(
              appendLine(draft, "mode: testing", "Add `mode: testing` (start here)"),
              appendLine(draft, "mode: enforce", "Add `mode: enforce`"));
      case POLICY_MISSING_MAX_AGE ->
          List.of(appendLine(draft, "max_age: " + ONE_WEEK, "Add `max_age: 604800` (one week)"));
      case POLICY_MISSING_MX -> List.of(addMx(draft, mxHosts));
      case POLICY_BOM ->
          List.of(
              new QuickFix(
                  "Remove the byte-order mark",
                  "Saving never writes a BOM; removing it here shows the draft as senders will read"
                      + " it.",
                  List.of(TextEdit.delete(0, 1))));
      case POLICY_LIKELY_TYPO ->
          line.map(l -> fixKey(draft, l)).stream().flatMap(List::stream).toList();
      case POLICY_INVALID_VERSION -> line.map(l -> valueCase(draft, l, "STSv1")).orElse(List.of());
      case POLICY_INVALID_MODE -> line.map(l -> modeValue(draft, l)).orElse(List.of());
      case POLICY_INVALID_MAX_AGE, POLICY_MAX_AGE_SHORT ->
          line.map(l -> maxAge(draft, l, code)).orElse(List.of());
      case POLICY_INVALID_MX -> line.map(l -> mxPattern(draft, l)).orElse(List.of());
      case POLICY_MX_TRAILING_DOT -> line.map(l -> removeTrailingDot(draft, l)).orElse(List.of());
      case POLICY_WHITESPACE -> line.map(l -> whitespace(draft, l)).orElse(List.of());
      case POLICY_DUPLICATE_FIELD ->
          List.of(
              new QuickFix(
                  "Remove this duplicate line",
                  "The first occurrence counts for RFC 8461, the last for many senders: keep one.",
                  List.of(deleteLine(draft, diagnostic.line()))));
      case POLICY_BLANK_LINE -> List.of(removeBlankLines(draft));
      case POLICY_SYNTAX -> syntax(draft, diagnostic.line());
      default -> List.of();
    };
  }

  /**
   * The fixes the editor would offer for a policy file, one line each ({@code "line 2: Change
   * `Mode` to `mode`"}): what {@code stslens policy lint} prints, from the same code.
   */
  public static List<String> summary(String fileText, List<String> mxHosts) {
    DraftAnalysis draft = DraftAnalysis.of(DraftText.forEditor(fileText).text());
    List<String> lines = new ArrayList<>();
    for (Diagnostic d : draft.diagnostics()) {
      for (QuickFix fix : forDiagnostic(draft, d, mxHosts)) {
        if (fix.changesText()) {
          lines.add((d.aboutWholeDraft() ? "policy" : "line " + d.line()) + ": " + fix.title());
        }
      }
    }
    return lines.stream().distinct().toList();
  }

  private static QuickFix insertLineAtTop(DraftAnalysis draft, String content, String title) {
    int at = draft.text().startsWith("\uFEFF") ? 1 : 0;
    return new QuickFix(title, "", List.of(TextEdit.insert(at, content + "\n")));
  }

  private static QuickFix appendLine(DraftAnalysis draft, String content, String title) {
    String text = draft.text();
    String prefix = text.isEmpty() || text.endsWith("\n") ? "" : "\n";
    return new QuickFix(
        title, "", List.of(TextEdit.insert(text.length(), prefix + content + "\n")));
  }

  private static QuickFix addMx(DraftAnalysis draft, List<String> mxHosts) {
    List<String> hosts =
        mxHosts.stream().map(h -> DomainNames.normalize(h).orElse(h)).distinct().toList();
    if (hosts.isEmpty()) {
      return new QuickFix(
          "Add an `mx:` line",
          "Replace mail.example.com with your MX host; check the domain first to fill in its MX"
              + " hosts.",
          List.of(
              TextEdit.insert(
                  draft.text().length(), lineBreakIfNeeded(draft) + "mx: mail.example.com\n")));
    }
    StringBuilder lines = new StringBuilder(lineBreakIfNeeded(draft));
    hosts.forEach(h -> lines.append("mx: ").append(h).append('\n'));
    return new QuickFix(
        "Add `mx:` lines for " + String.join(", ", hosts),
        "These are the MX hosts the last check found.",
        List.of(TextEdit.insert(draft.text().length(), lines.toString())));
  }

  private static String lineBreakIfNeeded(DraftAnalysis draft) {
    String text = draft.text();
    return text.isEmpty() || text.endsWith("\n") ? "" : "\n";
  }

  private static List<QuickFix> fixKey(DraftAnalysis draft, PolicyLine line) {
    return KeyTypos.intendedKey(line.key())
        .flatMap(
            intended ->
                valueFor(intended, line.value()).map(value -> rename(line, intended, value)))
        .map(
            rename ->
                List.of(
                    new QuickFix(
                        rename.title(),
                        "Keys are case-sensitive and written exactly as in RFC 8461 §3.2.",
                        rename.value().equals(line.value())
                            ? List.of(replaceKey(draft, line, rename.key()))
                            : List.of(
                                replaceKey(draft, line, rename.key()),
                                replaceValue(draft, line, rename.value())))))
        .orElse(List.of());
  }

  private record Rename(String key, String value, String title) {}

  private static Rename rename(PolicyLine line, String key, String value) {
    String title =
        value.equals(line.value())
            ? "Change `" + line.key() + "` to `" + key + "`"
            : "Change `" + line.key() + ": " + line.value() + "` to `" + key + ": " + value + "`";
    return new Rename(key, value, title);
  }

  /**
   * The value a line renamed to {@code key} would carry, if that key takes it (a mode or version in
   * the wrong case is put right): a fix that renames a key must not turn an ignored line into an
   * invalid field ({@code max_fge: 86: x} to {@code max_age: 86: x}). Found by fuzzing.
   */
  static Optional<String> valueFor(String key, String value) {
    String v = value.trim();
    return switch (key) {
      case "version" -> v.equalsIgnoreCase("STSv1") ? Optional.of("STSv1") : Optional.empty();
      case "mode" ->
          java.util.stream.Stream.of("enforce", "testing", "none")
              .filter(v::equalsIgnoreCase)
              .findFirst();
      case "max_age" ->
          v.matches("[0-9]{1,10}") && Long.parseLong(v) <= MAX_AGE_LIMIT
              ? Optional.of(v)
              : MaxAgeValues.seconds(v)
                  .map(seconds -> Long.toString(Math.min(seconds, MAX_AGE_LIMIT)));
      case "mx" -> MxPattern.parse(v).map(p -> v);
      default -> Optional.of(v);
    };
  }

  private static List<QuickFix> valueCase(DraftAnalysis draft, PolicyLine line, String right) {
    if (!line.value().equalsIgnoreCase(right)) {
      return List.of(
          new QuickFix(
              "Write `" + line.key() + ": " + right + "`",
              "",
              List.of(replaceValue(draft, line, right))));
    }
    return List.of(
        new QuickFix(
            "Change `" + line.value() + "` to `" + right + "`",
            "Values are case-sensitive.",
            List.of(replaceValue(draft, line, right))));
  }

  private static List<QuickFix> modeValue(DraftAnalysis draft, PolicyLine line) {
    String lower = line.value().toLowerCase(Locale.ROOT);
    if (List.of("enforce", "testing", "none").contains(lower)) {
      return List.of(
          new QuickFix(
              "Change `" + line.value() + "` to `" + lower + "`",
              "Mode values are case-sensitive.",
              List.of(replaceValue(draft, line, lower))));
    }
    return List.of(
        new QuickFix("Set `mode: testing`", "", List.of(replaceValue(draft, line, "testing"))),
        new QuickFix("Set `mode: enforce`", "", List.of(replaceValue(draft, line, "enforce"))));
  }

  private static List<QuickFix> maxAge(DraftAnalysis draft, PolicyLine line, Code code) {
    List<QuickFix> fixes = new ArrayList<>();
    Optional<Long> seconds = MaxAgeValues.seconds(line.value());
    if (code == Code.POLICY_INVALID_MAX_AGE && seconds.isPresent()) {
      long s = Math.min(seconds.get(), MAX_AGE_LIMIT);
      fixes.add(
          new QuickFix(
              "Write `max_age: " + s + "`",
              "max_age is a plain number of seconds"
                  + (seconds.get() > MAX_AGE_LIMIT ? ", at most 31557600 (one year)." : "."),
              List.of(replaceValue(draft, line, Long.toString(s)))));
    }
    boolean alreadyOneWeek =
        code == Code.POLICY_INVALID_MAX_AGE && seconds.map(s -> s == 604_800L).orElse(false);
    if (!line.value().equals(ONE_WEEK) && !alreadyOneWeek) {
      fixes.add(
          new QuickFix(
              "Use one week (`max_age: 604800`)",
              "RFC 8461 suggests weeks so that a short outage of the policy host does not matter.",
              List.of(replaceValue(draft, line, ONE_WEEK))));
    }
    return fixes;
  }

  private static List<QuickFix> mxPattern(DraftAnalysis draft, PolicyLine line) {
    String value = line.value();
    String explanation =
        "`" + value + "` is not a usable pattern: " + MxPatternProblem.explain(value) + ".";
    List<String> parts =
        List.of(value.split("[,;\\s]+")).stream().filter(s -> !s.isEmpty()).toList();
    if (parts.size() > 1
        && parts.stream().allMatch(p -> MxPattern.parse(cleanHost(p)).isPresent())) {
      StringBuilder lines = new StringBuilder();
      for (String part : parts) {
        lines.append(lines.length() == 0 ? "" : "\n").append("mx: ").append(cleanHost(part));
      }
      int[] bounds = draft.lineBounds(line.number());
      return List.of(
          new QuickFix(
              "Split into " + parts.size() + " `mx:` lines",
              explanation + " Each pattern needs its own line.",
              List.of(new TextEdit(bounds[0], bounds[1], lines.toString()))));
    }
    String cleaned = cleanHost(value);
    if (!cleaned.equals(value) && MxPattern.parse(cleaned).isPresent()) {
      return List.of(
          new QuickFix(
              "Change to `mx: " + cleaned + "`",
              explanation,
              List.of(replaceValue(draft, line, cleaned))));
    }
    return List.of(new QuickFix("Why is `" + value + "` invalid?", explanation, List.of()));
  }

  private static List<QuickFix> removeTrailingDot(DraftAnalysis draft, PolicyLine line) {
    String value = line.value();
    String without = value.substring(0, value.length() - 1);
    return List.of(
        new QuickFix(
            "Remove the trailing dot: `mx: " + without + "`",
            "Postfix (through postfix-mta-sts-resolver) and KumoMTA compare the pattern as"
                + " written and never match a name with a trailing dot.",
            List.of(replaceValue(draft, line, without))));
  }

  /** A host from a URL, a name with a port or a trailing dot, as far as that is unambiguous. */
  static String cleanHost(String value) {
    String v = value.trim();
    int scheme = v.indexOf("://");
    if (scheme >= 0) {
      v = v.substring(scheme + 3);
    }
    int slash = v.indexOf('/');
    if (slash >= 0) {
      v = v.substring(0, slash);
    }
    int colon = v.lastIndexOf(':');
    if (colon > 0
        && v.indexOf(':') == colon
        && v.substring(colon + 1).chars().allMatch(Character::isDigit)) {
      v = v.substring(0, colon);
    }
    if (v.endsWith(".") && v.length() > 1) {
      v = v.substring(0, v.length() - 1);
    }
    return v.toLowerCase(Locale.ROOT);
  }

  private static List<QuickFix> whitespace(DraftAnalysis draft, PolicyLine line) {
    int[] bounds = draft.lineBounds(line.number());
    return List.of(
        new QuickFix(
            "Rewrite as `" + line.key() + ": " + line.value() + "`",
            "Some senders miss a key with spaces around it.",
            List.of(
                new TextEdit(
                    bounds[0] + bomShift(draft, line.number()),
                    bounds[1],
                    line.key() + ": " + line.value()))));
  }

  private static List<QuickFix> syntax(DraftAnalysis draft, int lineNumber) {
    int[] bounds = draft.lineBounds(lineNumber);
    int from = bounds[0] + bomShift(draft, lineNumber);
    String content = draft.text().substring(from, bounds[1]).trim();
    Matcher m = KEY_VALUE_WITHOUT_COLON.matcher(content);
    List<QuickFix> fixes = new ArrayList<>();
    if (m.matches()) {
      Optional<String> key =
          List.of("version", "mode", "max_age", "mx").contains(m.group(1))
              ? Optional.of(m.group(1))
              : KeyTypos.intendedKey(m.group(1));
      key.ifPresent(
          k ->
              valueFor(k, m.group(2))
                  .ifPresent(
                      value ->
                          fixes.add(
                              new QuickFix(
                                  "Rewrite as `" + k + ": " + value + "`",
                                  "Each line is `key: value`, with a colon.",
                                  List.of(new TextEdit(from, bounds[1], k + ": " + value))))));
    }
    fixes.add(
        new QuickFix(
            "Remove line " + lineNumber,
            "Senders ignore it.",
            List.of(deleteLine(draft, lineNumber))));
    return fixes;
  }

  private static QuickFix removeBlankLines(DraftAnalysis draft) {
    // one fix for every blank-line finding: computed once per draft, not once per finding
    return new QuickFix(
        "Remove the blank lines",
        "Go-based senders reject a policy with blank lines.",
        draft.blankLineDeletions());
  }

  private static TextEdit deleteLine(DraftAnalysis draft, int lineNumber) {
    int[] bounds = draft.lineBounds(lineNumber);
    boolean hasBreak = bounds[1] < draft.text().length();
    return TextEdit.delete(
        bounds[0] + bomShift(draft, lineNumber), hasBreak ? bounds[1] + 1 : bounds[1]);
  }

  private static TextEdit replaceKey(DraftAnalysis draft, PolicyLine line, String key) {
    int start =
        draft.lineBounds(line.number())[0] + bomShift(draft, line.number()) + line.keyColumn() - 1;
    return new TextEdit(start, start + line.key().length(), key);
  }

  private static TextEdit replaceValue(DraftAnalysis draft, PolicyLine line, String value) {
    int start =
        draft.lineBounds(line.number())[0]
            + bomShift(draft, line.number())
            + line.valueColumn()
            - 1;
    return new TextEdit(start, start + line.value().length(), value);
  }

  private static int bomShift(DraftAnalysis draft, int line) {
    return line == 1 && draft.text().startsWith("\uFEFF") ? 1 : 0;
  }
}
