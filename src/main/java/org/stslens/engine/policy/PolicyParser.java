package org.stslens.engine.policy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Excerpt;
import org.stslens.engine.finding.Finding;
import org.stslens.engine.policy.BodyLines.RawLine;

/**
 * Parses an MTA-STS policy body (RFC 8461 §3.2, corpus section B): strict about the values of the
 * defined fields, tolerant with a warning about layout defects that leave the meaning clear (a
 * sender that rejects a policy fails open). Pure, linear in the body length and never throwing, as
 * the editor calls it on every keystroke with whatever the user typed. Every finding carries the
 * line and column it is about.
 */
public final class PolicyParser {

  static final String VERSION = "version";
  static final String MODE = "mode";
  static final String MAX_AGE = "max_age";
  static final String MX = "mx";
  private static final String STS_V1 = "STSv1";
  private static final long MAX_AGE_LIMIT = 31_557_600L;
  private static final int MAX_AGE_DIGITS = 10;
  private static final long ONE_DAY = 86_400L;
  private static final char BOM = '\uFEFF';

  private final List<PolicyLine> lines = new ArrayList<>();
  private final List<Finding> findings = new ArrayList<>();
  private final Map<String, PolicyLine> firstDefined = new HashMap<>();
  private final List<PolicyLine> mxLines = new ArrayList<>();
  private int blankRunStart;
  private int blankRunLength;

  private PolicyParser() {}

  /** Parses the body bytes as sent by the server, decoded as UTF-8 (malformed bytes → U+FFFD). */
  public static ParsedPolicy parse(byte[] body) {
    return parse(body == null ? "" : new String(body, StandardCharsets.UTF_8));
  }

  /** Parses the body text; a leading U+FEFF is a byte-order mark. */
  public static ParsedPolicy parse(String body) {
    return new PolicyParser().run(body == null ? "" : body);
  }

  private ParsedPolicy run(String body) {
    String text = body;
    if (!text.isEmpty() && text.charAt(0) == BOM) {
      text = text.substring(1);
      findings.add(
          Finding.at(
              Code.POLICY_BOM,
              1,
              1,
              "The policy starts with a UTF-8 byte-order mark (EF BB BF). This parser skips it, but"
                  + " postfix-mta-sts-resolver, go-mtasts and mox then do not recognise the first"
                  + " key and reject the whole policy.",
              "Save the file as UTF-8 without BOM (or as plain ASCII)."));
    }
    List<RawLine> rawLines = BodyLines.split(text);
    for (RawLine raw : rawLines) {
      read(raw);
    }
    flushBlankRun();
    reportLineEndings(rawLines);
    return validate();
  }

  private void read(RawLine raw) {
    String content = raw.content();
    int keyStart = skipWsp(content, 0);
    if (keyStart == content.length()) {
      if (blankRunLength++ == 0) {
        blankRunStart = raw.number();
      }
      return;
    }
    flushBlankRun();
    int colon = content.indexOf(':');
    if (colon < 0 || colon == keyStart) {
      findings.add(
          Finding.at(
              Code.POLICY_SYNTAX,
              raw.number(),
              keyStart + 1,
              "Line "
                  + raw.number()
                  + " is not of the form `key: value` and is ignored: "
                  + Excerpt.quote(content.substring(keyStart)),
              "Remove the line, or write it as `key: value`."));
      return;
    }
    int keyEnd = colon;
    while (keyEnd > keyStart && isWsp(content.charAt(keyEnd - 1))) {
      keyEnd--;
    }
    String key = content.substring(keyStart, keyEnd);
    if (keyStart > 0 || keyEnd < colon) {
      findings.add(
          Finding.at(
              Code.POLICY_WHITESPACE,
              raw.number(),
              keyStart > 0 ? 1 : keyEnd + 1,
              "Line "
                  + raw.number()
                  + " has spaces or tabs "
                  + (keyStart > 0 ? "before" : "between")
                  + " the key "
                  + Excerpt.quote(key)
                  + (keyStart > 0 ? "" : " and the colon")
                  + ". This parser ignores them, but mox rejects the whole policy, and"
                  + " postfix-mta-sts-resolver and go-mtasts compare keys untrimmed, so they miss"
                  + " the field: they reject the policy when it is version, mode, max_age or its"
                  + " only mx.",
              "Start the line with the key and put the colon right after it: `"
                  + Excerpt.quote(key).replace("`", "")
                  + ": ...`"));
    }
    int valueStart = skipWsp(content, colon + 1);
    int valueEnd = content.length();
    while (valueEnd > valueStart && isWsp(content.charAt(valueEnd - 1))) {
      valueEnd--;
    }
    PolicyLine line =
        new PolicyLine(
            raw.number(),
            key,
            content.substring(valueStart, valueEnd),
            keyStart + 1,
            valueStart + 1,
            raw.terminator());
    lines.add(line);
    classify(line);
  }

  private void classify(PolicyLine line) {
    switch (line.key()) {
      case VERSION, MODE, MAX_AGE -> {
        PolicyLine first = firstDefined.putIfAbsent(line.key(), line);
        if (first != null) {
          findings.add(duplicate(first, line));
        }
      }
      case MX -> mxLines.add(line);
      default -> findings.add(unknownKey(line));
    }
  }

  private static Finding duplicate(PolicyLine first, PolicyLine again) {
    return Finding.at(
        Code.POLICY_DUPLICATE_FIELD,
        again.number(),
        again.keyColumn(),
        "`"
            + again.key()
            + "` appears again on line "
            + again.number()
            + ". Per RFC 8461 the first one (line "
            + first.number()
            + ", "
            + Excerpt.quote(first.value())
            + ") counts and this one is ignored, but many senders take the last one, so senders"
            + " disagree about this policy.",
        "Keep a single `" + again.key() + ":` line.");
  }

  private static Finding unknownKey(PolicyLine line) {
    Optional<String> intended = KeyTypos.intendedKey(line.key());
    if (intended.isPresent()) {
      return Finding.at(
          Code.POLICY_LIKELY_TYPO,
          line.number(),
          line.keyColumn(),
          "The key "
              + Excerpt.quote(line.key())
              + " is not defined ("
              + KeyTypos.difference(line.key(), intended.get())
              + "); senders ignore the line.",
          "Write the key exactly as `" + intended.get() + "`.");
    }
    return Finding.at(
        Code.POLICY_UNKNOWN_FIELD,
        line.number(),
        line.keyColumn(),
        "The key " + Excerpt.quote(line.key()) + " is not defined by RFC 8461; senders ignore it.",
        "");
  }

  private void flushBlankRun() {
    if (blankRunLength == 0) {
      return;
    }
    findings.add(
        Finding.at(
            Code.POLICY_BLANK_LINE,
            blankRunStart,
            1,
            (blankRunLength == 1
                    ? "Line " + blankRunStart + " is blank."
                    : "Lines "
                        + blankRunStart
                        + " to "
                        + (blankRunStart + blankRunLength - 1)
                        + " are blank.")
                + " RFC 8461 allows this, but go-mtasts (used by maddy) and mox reject a policy"
                + " with blank lines; postfix-mta-sts-resolver accepts it.",
            "Remove the blank lines."));
    blankRunLength = 0;
  }

  private void reportLineEndings(List<RawLine> rawLines) {
    RawLine firstLf = null;
    RawLine firstCrlf = null;
    for (RawLine raw : rawLines) {
      if (firstLf == null && raw.terminator().equals("\n")) {
        firstLf = raw;
      } else if (firstCrlf == null && raw.terminator().equals("\r\n")) {
        firstCrlf = raw;
      }
    }
    if (firstLf == null) {
      return;
    }
    String message =
        firstCrlf == null
            ? "The policy uses LF line endings. RFC 8461's grammar allows LF as well as CRLF,"
                + " although its prose speaks of CRLF."
            : "The policy mixes CRLF and LF line endings (first LF on line "
                + firstLf.number()
                + "). Both are allowed; a few strict senders reject mixed endings.";
    findings.add(
        Finding.at(
            Code.POLICY_LINE_ENDINGS,
            firstLf.number(),
            firstLf.content().length() + 1,
            message,
            ""));
  }

  private ParsedPolicy validate() {
    Optional<String> version = validVersion();
    Optional<Mode> mode = validMode();
    Optional<Long> maxAge = validMaxAge();
    List<MxPattern> mx = usableMx();
    boolean mxOk = mode.isEmpty() || mode.get() == Mode.NONE || !mx.isEmpty();
    if (!mxOk) {
      PolicyLine modeLine = firstDefined.get(MODE);
      findings.add(
          Finding.at(
              Code.POLICY_MISSING_MX,
              modeLine.number(),
              modeLine.valueColumn(),
              "Mode "
                  + mode.get().word()
                  + " needs at least one usable `mx` pattern, and the policy has none"
                  + (mxLines.isEmpty() ? "" : " (" + mxLines.size() + " dropped as invalid)")
                  + ". Senders reject the policy.",
              "Add one line per MX host, e.g. `mx: mail.example.com` or `mx: *.example.com`."));
    }
    mode.ifPresent(m -> reportMode(m, maxAge));
    boolean valid = version.isPresent() && mode.isPresent() && maxAge.isPresent() && mxOk;
    Optional<Policy> policy =
        valid
            ? Optional.of(new Policy(version.get(), mode.get(), maxAge.get(), mx))
            : Optional.empty();
    return new ParsedPolicy(valid, policy, lines, findings);
  }

  private Optional<String> validVersion() {
    PolicyLine line = firstDefined.get(VERSION);
    if (line == null) {
      findings.add(
          missing(
              Code.POLICY_MISSING_VERSION,
              VERSION,
              "The policy has no `version:` line; senders reject it.",
              "Add `version: STSv1` as the first line."));
      return Optional.empty();
    }
    if (!line.value().equals(STS_V1)) {
      findings.add(
          invalidValue(
              Code.POLICY_INVALID_VERSION,
              line,
              "it must be exactly `STSv1` (case-sensitive)",
              "Write `version: STSv1`."));
      return Optional.empty();
    }
    return Optional.of(STS_V1);
  }

  private Optional<Mode> validMode() {
    PolicyLine line = firstDefined.get(MODE);
    if (line == null) {
      findings.add(
          missing(
              Code.POLICY_MISSING_MODE,
              MODE,
              "The policy has no `mode:` line; senders reject it.",
              "Add `mode: testing` to start with, and `mode: enforce` once reports look clean."));
      return Optional.empty();
    }
    Optional<Mode> mode = Mode.ofWord(line.value());
    if (mode.isEmpty()) {
      findings.add(
          invalidValue(
              Code.POLICY_INVALID_MODE,
              line,
              "it must be `enforce`, `testing` or `none`, in lower case",
              "Write `mode: enforce`, `mode: testing` or `mode: none`."));
    }
    return mode;
  }

  private Optional<Long> validMaxAge() {
    PolicyLine line = firstDefined.get(MAX_AGE);
    if (line == null) {
      findings.add(
          missing(
              Code.POLICY_MISSING_MAX_AGE,
              MAX_AGE,
              "The policy has no `max_age:` line; senders reject it.",
              "Add `max_age: 604800` (one week; the RFC suggests weeks)."));
      return Optional.empty();
    }
    String value = line.value();
    String problem = maxAgeProblem(value);
    if (problem != null) {
      findings.add(
          invalidValue(
              Code.POLICY_INVALID_MAX_AGE,
              line,
              problem,
              "Write the number of seconds as plain digits, at most 31557600, e.g. `max_age:"
                  + " 604800`."));
      return Optional.empty();
    }
    return Optional.of(Long.parseLong(value));
  }

  /** Why a max_age value is invalid, or null: 1–10 ASCII digits, at most 31557600. */
  private static String maxAgeProblem(String value) {
    if (value.isEmpty()) {
      return "the value is empty";
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < '0' || c > '9') {
        return "only the digits 0-9 are allowed (no sign, decimals, units or spaces)";
      }
    }
    if (value.length() > MAX_AGE_DIGITS || Long.parseLong(value) > MAX_AGE_LIMIT) {
      return "the maximum is 31557600 seconds (one year)";
    }
    return null;
  }

  private List<MxPattern> usableMx() {
    List<MxPattern> usable = new ArrayList<>();
    for (PolicyLine line : mxLines) {
      Optional<MxPattern> pattern = MxPattern.parse(line.value());
      if (pattern.isPresent()) {
        usable.add(pattern.get());
        if (line.value().endsWith(".")) {
          findings.add(trailingDot(line, pattern.get()));
        }
      } else {
        findings.add(
            Finding.at(
                Code.POLICY_INVALID_MX,
                line.number(),
                line.valueColumn(),
                "The mx pattern "
                    + Excerpt.quote(line.value())
                    + " on line "
                    + line.number()
                    + " is not usable and senders drop it: "
                    + MxPatternProblem.explain(line.value())
                    + ".",
                "Write one MX host name per line, e.g. `mx: mail.example.com`, or `mx:"
                    + " *.example.com` for every host directly under example.com."));
      }
    }
    return usable;
  }

  /**
   * checks.md policy.mx-trailing-dot. The pattern stays usable (the shared corpus, pol-085, keeps
   * it normalised, as go-mtasts and chasquid do), so this is not policy.invalid-mx ("dropped"). But
   * postfix-mta-sts-resolver hands the pattern to Postfix as written ({@code secure
   * match=mail.example.com.}), and Postfix compares certificate names with it as they are, and
   * KumoMTA compares the MX name to the raw pattern: neither ever matches.
   */
  private static Finding trailingDot(PolicyLine line, MxPattern pattern) {
    return Finding.at(
        Code.POLICY_MX_TRAILING_DOT,
        line.number(),
        line.valueColumn(),
        "The mx pattern "
            + Excerpt.quote(line.value())
            + " on line "
            + line.number()
            + " ends with a dot. STS Lens, go-mtasts (maddy) and chasquid ignore the dot and match "
            + pattern.normalized()
            + ", but postfix-mta-sts-resolver passes the pattern to Postfix unchanged and Postfix"
            + " never matches a certificate name against it, and KumoMTA compares the MX name to"
            + " the pattern as written: in enforce mode those senders refuse this MX.",
        "Write the pattern without the trailing dot: `mx: " + pattern.normalized() + "`.");
  }

  private void reportMode(Mode mode, Optional<Long> maxAge) {
    PolicyLine line = firstDefined.get(MODE);
    switch (mode) {
      case TESTING ->
          findings.add(
              Finding.at(
                  Code.POLICY_MODE_TESTING,
                  line.number(),
                  line.valueColumn(),
                  "Mode testing: senders deliver even when TLS to your MX fails, and report the"
                      + " failure to your TLS-RPT address.",
                  ""));
      case NONE ->
          findings.add(
              Finding.at(
                  Code.POLICY_MODE_NONE,
                  line.number(),
                  line.valueColumn(),
                  "Mode none: the policy is withdrawn; senders forget it once they fetch this"
                      + " version.",
                  ""));
      case ENFORCE -> {}
    }
    if (mode != Mode.NONE && maxAge.isPresent() && maxAge.get() < ONE_DAY) {
      PolicyLine ageLine = firstDefined.get(MAX_AGE);
      findings.add(
          Finding.at(
              Code.POLICY_MAX_AGE_SHORT,
              ageLine.number(),
              ageLine.valueColumn(),
              "max_age is "
                  + maxAge.get()
                  + " seconds, less than a day. Senders then re-fetch the policy often and an"
                  + " attacker who blocks the fetch for a short while can strip TLS.",
              "Use weeks, e.g. `max_age: 604800` (one week) or `max_age: 1209600`."));
    }
  }

  /**
   * A required key that is absent. It is about the policy as a whole (no line), unless a line
   * misspells that key: then that line is the cause, and renaming it is the fix.
   */
  private Finding missing(Code code, String key, String message, String fix) {
    for (PolicyLine line : lines) {
      if (!firstDefined.containsKey(line.key())
          && KeyTypos.intendedKey(line.key()).filter(key::equals).isPresent()) {
        return Finding.at(
            code,
            line.number(),
            line.keyColumn(),
            "The policy has no `"
                + key
                + ":` line: line "
                + line.number()
                + " writes it "
                + Excerpt.quote(line.key())
                + " ("
                + KeyTypos.difference(line.key(), key)
                + "), so senders do not read it and reject the policy.",
            "Rename "
                + Excerpt.quote(line.key())
                + " to `"
                + key
                + "` on line "
                + line.number()
                + ".");
      }
    }
    return Finding.of(code, "", message, fix);
  }

  private static Finding invalidValue(Code code, PolicyLine line, String problem, String fix) {
    String bareCr =
        line.value().indexOf('\r') >= 0
            ? " The value contains a bare CR: only LF or CRLF end a line, so several lines ran"
                + " together."
            : "";
    return Finding.at(
        code,
        line.number(),
        line.valueColumn(),
        "The "
            + line.key()
            + " value "
            + Excerpt.quote(line.value())
            + " on line "
            + line.number()
            + " is not valid: "
            + problem
            + ". Senders reject the policy."
            + bareCr,
        fix);
  }

  private static int skipWsp(String s, int pos) {
    while (pos < s.length() && isWsp(s.charAt(pos))) {
      pos++;
    }
    return pos;
  }

  private static boolean isWsp(char c) {
    return c == ' ' || c == '\t';
  }
}
