package org.stslens.engine.tlsrpt.reports;

/** What reading one report's JSON gave: the report, or the one-line reason it was refused. */
public sealed interface ParseOutcome {

  /** A report, possibly with notes on what was tolerated. */
  record Parsed(TlsReport report) implements ParseOutcome {}

  /** Not a report; {@code reason} is one line ("truncated JSON ..."). */
  record Refused(String reason) implements ParseOutcome {}
}
