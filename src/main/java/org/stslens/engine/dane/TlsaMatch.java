package org.stslens.engine.dane;

import java.util.Locale;

/**
 * How one TLSA record fared against one presented chain.
 *
 * @param record the record
 * @param result matched, did not match, or unusable
 * @param why in words: which certificate matched, or why the record cannot be used
 */
public record TlsaMatch(TlsaRecord record, Result result, String why) {

  /** The outcome for one record (RFC 7672 §3.1; unusable as in RFC 7672 §2.2). */
  public enum Result {
    MATCHED,
    NOT_MATCHED,
    UNUSABLE;

    /** {@code matched}, {@code not-matched}, {@code unusable} as in JSON. */
    public String word() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }
}
