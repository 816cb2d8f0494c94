package org.stslens.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process, capturing standard output and error: one per test. */
final class CliRun {

  /** The exit code, for tests that run it through a helper. */
  int exit;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  /** The exit code of {@code stslens ARGS...}. */
  int run(String... args) {
    return StsLensCommand.commandLine(new PrintWriter(out, true), new PrintWriter(err, true))
        .execute(args);
  }

  String out() {
    return out.toString();
  }

  /** Forgets the output so far, before the next run. */
  void clearOut() {
    out.getBuffer().setLength(0);
  }

  String err() {
    return err.toString();
  }
}
