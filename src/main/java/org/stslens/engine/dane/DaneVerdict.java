package org.stslens.engine.dane;

import java.util.Locale;

/** What a DANE sender (RFC 7672) concludes about one MX host. */
public enum DaneVerdict {
  /** Secure, usable TLSA records, and every presented chain matched one of them. */
  PASS,
  /** A DANE sender will not deliver: bogus DNSSEC, no record matched, or no STARTTLS. */
  FAIL,
  /** DANE does not apply: no secure TLSA records (a DANE sender falls back to other policy). */
  NONE;

  public String word() {
    return name().toLowerCase(Locale.ROOT);
  }
}
