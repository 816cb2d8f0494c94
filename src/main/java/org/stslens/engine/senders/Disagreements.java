package org.stslens.engine.senders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.stslens.engine.senders.SenderVerdict.Applies;
import org.stslens.engine.senders.SenderVerdict.Outcome;

/**
 * Where senders disagree, in sentences such as "Gmail and Microsoft Exchange Online refuse
 * mx2.example.com; Postfix with postfix-mta-sts-resolver delivers." One sentence for the policy and
 * one per MX host on which senders with a known answer split; none when all agree. An unknown
 * answer is no disagreement: it is shown as unknown in the matrix.
 */
public final class Disagreements {

  /** Groups larger than this are named by their first sender and a count. */
  private static final int NAMED = 3;

  private Disagreements() {}

  /** The sentences, policy first, then the MX hosts in order; empty when senders agree. */
  public static List<String> of(List<SenderVerdict> verdicts) {
    List<String> out = new ArrayList<>();
    split(verdicts, SenderVerdict::applies, Applies.UNKNOWN, Disagreements::policyVerb, "")
        .ifPresent(out::add);
    int hosts = verdicts.isEmpty() ? 0 : verdicts.get(0).mx().size();
    for (int i = 0; i < hosts; i++) {
      int at = i;
      String host = verdicts.get(0).mx().get(i).host();
      split(
              verdicts,
              v -> v.mx().get(at).outcome(),
              Outcome.UNKNOWN,
              Disagreements::mxVerb,
              " " + host)
          .ifPresent(out::add);
    }
    return out;
  }

  /** A profile's name without its parenthesis or comment: "Gmail", "RFC 8461". */
  public static String shortName(SenderProfile p) {
    String n = p.name();
    int cut = n.length();
    for (String stop : List.of(" (", ",")) {
      int at = n.indexOf(stop);
      if (at > 0) {
        cut = Math.min(cut, at);
      }
    }
    return n.substring(0, cut);
  }

  private static <T> java.util.Optional<String> split(
      List<SenderVerdict> verdicts,
      Function<SenderVerdict, T> answer,
      T unknown,
      VerbOf<T> verb,
      String object) {
    Map<T, List<String>> groups = new LinkedHashMap<>(); // the RFC reading's group first
    for (SenderVerdict v : verdicts) {
      T a = answer.apply(v);
      if (a != unknown) {
        groups.computeIfAbsent(a, k -> new ArrayList<>()).add(shortName(v.profile()));
      }
    }
    if (groups.size() < 2) {
      return java.util.Optional.empty();
    }
    // the object once, after the first verb: "A refuse mx2; B delivers."
    List<String> parts = new ArrayList<>();
    groups.forEach(
        (a, names) ->
            parts.add(
                names(names)
                    + " "
                    + verb.of(a, names.size() > 1, parts.isEmpty())
                    + (parts.isEmpty() ? object : "")));
    return java.util.Optional.of(String.join("; ", parts) + ".");
  }

  private static String names(List<String> names) {
    if (names.size() > NAMED) {
      return names.get(0) + " and " + (names.size() - 1) + " others";
    }
    if (names.size() == 1) {
      return names.get(0);
    }
    return String.join(", ", names.subList(0, names.size() - 1))
        + " and "
        + names.get(names.size() - 1);
  }

  @FunctionalInterface
  private interface VerbOf<T> {
    String of(T answer, boolean plural, boolean withObject);
  }

  private static String policyVerb(Applies a, boolean plural, boolean withObject) {
    return switch (a) {
      case ENFORCE -> "enforce" + (plural ? "" : "s") + " the policy";
      case TESTING -> "appl" + (plural ? "y" : "ies") + " it in testing mode";
      case NONE -> "treat" + (plural ? "" : "s") + " it as mode none";
      case NO_POLICY -> "see" + (plural ? "" : "s") + " no policy";
      case UNKNOWN -> "cannot be told";
    };
  }

  private static String mxVerb(Outcome o, boolean plural, boolean withObject) {
    String s = plural ? "" : "s";
    return switch (o) {
      case DELIVER -> "deliver" + s + (withObject ? " to" : "");
      case REFUSE -> "refuse" + s;
      case REPORT -> "deliver" + s + " and report" + s + (withObject ? " for" : "");
      case UNREACHABLE -> "cannot reach";
      case UNKNOWN -> "cannot be told";
    };
  }
}
