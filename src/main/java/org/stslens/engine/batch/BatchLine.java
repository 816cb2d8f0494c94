package org.stslens.engine.batch;

/** One meaningful line of a domain list: a domain to check, or a line that is not one. */
public sealed interface BatchLine permits BatchLine.Domain, BatchLine.Bad {

  /** The 1-based line number in the list. */
  int line();

  /** A domain name to check, as normalised (ASCII, lower case). */
  record Domain(int line, String domain) implements BatchLine {}

  /** A line that holds no domain name: reported and skipped. */
  record Bad(int line, String text, String reason) implements BatchLine {}
}
