package org.stslens.workbench.edit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.stslens.engine.names.DomainNames;

/**
 * Completion for keys and values at the caret: the four keys before the colon; after it the mode
 * words, {@code STSv1}, common max_age values and the MX hosts of the last check. Pure.
 */
public final class Completions {

  private static final Map<String, String> KEYS = new LinkedHashMap<>();
  private static final Map<String, String> MAX_AGES = new LinkedHashMap<>();

  static {
    KEYS.put("version", "always STSv1, first line");
    KEYS.put("mode", "enforce, testing or none");
    KEYS.put("mx", "one MX host or *.domain per line");
    KEYS.put("max_age", "seconds senders cache the policy");
    MAX_AGES.put("604800", "one week");
    MAX_AGES.put("1209600", "two weeks");
    MAX_AGES.put("2592000", "30 days");
    MAX_AGES.put("31557600", "one year, the maximum");
    MAX_AGES.put("86400", "one day: while testing, or to withdraw");
  }

  private Completions() {}

  /**
   * Proposals at {@code caret} of the editor text.
   *
   * @param mxHosts MX hosts of the last check, proposed after {@code mx:}
   */
  public static List<Completion> at(String text, int caret, List<String> mxHosts) {
    int c = Math.max(0, Math.min(caret, text.length()));
    int lineStart = text.lastIndexOf('\n', c - 1) + 1;
    String before = text.substring(lineStart, c);
    int colon = before.indexOf(':');
    List<Completion> out = new ArrayList<>();
    if (colon < 0) {
      int indent = lineStart + (before.length() - before.stripLeading().length());
      int keyStart = lineStart == 0 && text.startsWith("\uFEFF") ? Math.max(indent, 1) : indent;
      String prefix = text.substring(keyStart, c).toLowerCase(Locale.ROOT);
      int lineEnd = text.indexOf('\n', c);
      int end = lineEnd < 0 ? text.length() : lineEnd;
      boolean hasColon = text.substring(c, end).contains(":");
      KEYS.forEach(
          (key, detail) -> {
            if (key.startsWith(prefix.replace('-', '_'))) {
              out.add(new Completion(key, detail, keyStart, c, hasColon ? key : key + ": "));
            }
          });
      return out;
    }
    String key = before.substring(0, colon).strip();
    int valueStart = lineStart + colon + 1;
    while (valueStart < c && (text.charAt(valueStart) == ' ' || text.charAt(valueStart) == '\t')) {
      valueStart++;
    }
    String prefix = text.substring(valueStart, c);
    int lineEnd = text.indexOf('\n', c);
    int end = lineEnd < 0 ? text.length() : lineEnd;
    String space = valueStart == lineStart + colon + 1 ? " " : "";
    Map<String, String> values = new LinkedHashMap<>();
    switch (key) {
      case "version" -> values.put("STSv1", "the only version");
      case "mode" -> {
        values.put("testing", "deliver and report failures");
        values.put("enforce", "refuse MX hosts that fail");
        values.put("none", "withdraw the policy");
      }
      case "max_age" -> values.putAll(MAX_AGES);
      case "mx" -> {
        for (String host : mxHosts) {
          String h = DomainNames.normalize(host).orElse(host);
          values.putIfAbsent(h, "MX host of the last check");
          int dot = h.indexOf('.');
          if (dot > 0 && h.indexOf('.', dot + 1) > 0) {
            values.putIfAbsent("*." + h.substring(dot + 1), "every host directly under it");
          }
        }
      }
      default -> {}
    }
    int from = valueStart;
    values.forEach(
        (value, detail) -> {
          if (value.toLowerCase(Locale.ROOT).startsWith(prefix.toLowerCase(Locale.ROOT))) {
            out.add(new Completion(value, detail, from, end, space + value));
          }
        });
    return out;
  }
}
