package org.stslens.engine.check;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import org.stslens.engine.names.DomainNames;

/** Turns what a user typed into the domain to check: A-labels, lower case, no trailing dot. */
public final class DomainNameInput {

  private DomainNameInput() {}

  /** The normalised domain, or empty with nothing to check when the input is not a domain. */
  public static Optional<String> normalize(String typed) {
    if (typed == null) {
      return Optional.empty();
    }
    String t = typed.strip();
    // Users paste addresses and URLs; take the domain part of the common forms.
    if (t.contains("@")) {
      t = t.substring(t.lastIndexOf('@') + 1);
    }
    t = t.replaceFirst("^(?i)https?://", "");
    int slash = t.indexOf('/');
    if (slash >= 0) {
      t = t.substring(0, slash);
    }
    try {
      String ascii = IDN.toASCII(t, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
      Optional<String> normalized = DomainNames.normalize(ascii);
      return normalized.filter(n -> n.contains("."));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
