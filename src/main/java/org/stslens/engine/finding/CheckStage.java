package org.stslens.engine.finding;

import java.util.Locale;

/** The stages of a check, in the order a sending mail server goes through them. */
public enum CheckStage {
  DISCOVERY,
  RETRIEVAL,
  POLICY,
  MX,
  TLSRPT;

  /** The lower-case name used in JSON and text output. */
  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
