package org.stslens.ui.certificate;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a certificate's validity window looks from a given instant, in words and as a style class:
 * "expires in 87 days" ({@code days-left-ok}), "expires in 12 days" ({@code days-left-soon}),
 * "expired 3 days ago" or "valid from in 10 days" ({@code days-left-bad}). Pure: no toolkit needed.
 *
 * @param text the plain-language phrase
 * @param styleClass one of {@link #OK}, {@link #SOON}, {@link #BAD}
 */
public record Validity(String text, String styleClass) {

  /** More than {@link #SOON_DAYS} days left. */
  public static final String OK = "days-left-ok";

  /** Valid now, at most {@link #SOON_DAYS} days left. */
  public static final String SOON = "days-left-soon";

  /** Expired or not yet valid. */
  public static final String BAD = "days-left-bad";

  /** At or below this many whole days left, the expiry date is shown as a warning. */
  public static final int SOON_DAYS = 30;

  public Validity {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(styleClass, "styleClass");
  }

  /** The window [notBefore, notAfter] (both inclusive, as in RFC 5280) seen at {@code now}. */
  public static Validity of(Instant notBefore, Instant notAfter, Instant now) {
    if (now.isBefore(notBefore)) {
      return new Validity("valid from " + in(Duration.between(now, notBefore).toDays()), BAD);
    }
    if (now.isAfter(notAfter)) {
      return new Validity("expired " + ago(Duration.between(notAfter, now).toDays()), BAD);
    }
    long days = Duration.between(now, notAfter).toDays();
    return new Validity("expires " + in(days), days > SOON_DAYS ? OK : SOON);
  }

  private static String in(long days) {
    return days == 0 ? "in less than a day" : days == 1 ? "in 1 day" : "in " + days + " days";
  }

  private static String ago(long days) {
    return days == 0 ? "less than a day ago" : days == 1 ? "1 day ago" : days + " days ago";
  }
}
