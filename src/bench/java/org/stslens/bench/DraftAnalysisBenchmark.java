package org.stslens.bench;

import java.util.List;
import java.util.function.Supplier;
import org.stslens.workbench.edit.Diagnostic;
import org.stslens.workbench.edit.DraftAnalysis;
import org.stslens.workbench.edit.QuickFix;
import org.stslens.workbench.edit.QuickFixes;

/**
 * Times what the policy editor and {@code stslens policy lint} do with a draft: the analysis, the
 * quick fixes of every diagnostic ({@link QuickFixes#summary}, as lint prints them) and applying
 * each distinct fix once, for worst-case drafts of about {@code bench.bytes} (default 1 MiB):
 *
 * <ul>
 *   <li>{@code blank-pairs}: {@code x: y} and a blank line, repeated (a blank-line finding and an
 *       unknown-key finding every two lines; the blank-line fix deletes every blank line);
 *   <li>{@code syntax-lines}: lines without a colon ({@code mode testing}), one syntax finding and
 *       two fixes each;
 *   <li>{@code spaced-line}: one line {@code a<spaces>b<U+2028>c}, a syntax finding whose rewrite
 *       fix once matched a backtracking regular expression.
 * </ul>
 *
 * <p>Run: {@code mvn -B -o -Pbench -DskipTests verify -Dbench.main=org.stslens.bench.DraftAnalysisBenchmark}
 * (add {@code -Dbench.bytes=N} for another size).
 */
public final class DraftAnalysisBenchmark {

  private DraftAnalysisBenchmark() {}

  public static void main(String[] args) {
    int bytes = Integer.getInteger("bench.bytes", 1 << 20);
    run("blank-pairs", () -> repeat("x: y\n\n", bytes));
    run("syntax-lines", () -> repeat("mode testing\n", bytes));
    run("spaced-line", () -> "a" + " ".repeat(Math.max(0, bytes - 4)) + "b\u2028c");
  }

  private static String repeat(String unit, int bytes) {
    return unit.repeat(Math.max(1, bytes / unit.length()));
  }

  private static void run(String name, Supplier<String> draft) {
    String text = draft.get();
    long t0 = System.nanoTime();
    DraftAnalysis analysis = DraftAnalysis.of(text);
    long t1 = System.nanoTime();
    List<String> summary = QuickFixes.summary(text, List.of("mx1.example.com"));
    long t2 = System.nanoTime();
    int applied = 0;
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (Diagnostic d : analysis.diagnostics()) {
      for (QuickFix fix : QuickFixes.forDiagnostic(analysis, d, List.of())) {
        if (fix.changesText() && seen.add(fix.title()) && applied < 50) {
          fix.applyTo(text);
          applied++;
        }
      }
    }
    long t3 = System.nanoTime();
    System.out.printf(
        "%-13s %8d chars %7d diagnostics: analysis %6d ms, lint summary (%d fixes) %6d ms,"
            + " all fixes + %d applied %6d ms%n",
        name,
        text.length(),
        analysis.diagnostics().size(),
        ms(t1 - t0),
        summary.size(),
        ms(t2 - t1),
        applied,
        ms(t3 - t2));
  }

  private static long ms(long nanos) {
    return nanos / 1_000_000;
  }
}
