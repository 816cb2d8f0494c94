package org.stslens.cli;

/** The exit codes of docs/product.md. */
final class ExitCodes {
  /** No error-severity finding. */
  static final int OK = 0;

  /** At least one error finding. */
  static final int ERROR_FINDING = 1;

  /** The command line was wrong. */
  static final int USAGE = 2;

  /** Something broke inside STS Lens. */
  static final int INTERNAL = 3;

  private ExitCodes() {}
}
