package org.stslens.engine.check;

import com.ibm.icu.text.IDNA;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.stslens.engine.names.DomainNames;

/**
 * Turns what a user typed into the domain to check: A-labels, lower case, no trailing dot. The one
 * normaliser of every place a domain is entered (the walkthrough, the workbench, the CLI, the lab's
 * scenario data).
 *
 * <p>Internationalised names go through UTS #46 non-transitional processing (ICU4J), as IDNA2008
 * registries and current browsers do: {@code straße.de} becomes {@code xn--strae-oqa.de}. {@code
 * java.net.IDN} implements IDNA2003, which maps ß to ss and so names {@code strasse.de}, another
 * domain.
 */
public final class DomainNameInput {

  /** What a typed text is: a domain, or not and why. */
  public sealed interface Reading permits Domain, NotADomain {}

  /** A domain to check, in A-labels, lower case, without trailing dot. */
  public record Domain(String ascii) implements Reading {}

  /** Not a domain name; {@code reason} says what is wrong in plain words. */
  public record NotADomain(String typed, String reason) implements Reading {}

  private static final IDNA UTS46 =
      IDNA.getUTS46Instance(
          IDNA.NONTRANSITIONAL_TO_ASCII
              | IDNA.CHECK_BIDI
              | IDNA.CHECK_CONTEXTJ
              | IDNA.CHECK_CONTEXTO
              | IDNA.USE_STD3_RULES);

  /** The label separators UTS #46 maps to a full stop (ideographic and full-width dots). */
  private static final String DOTS = ".\u3002\uFF0E\uFF61";

  private DomainNameInput() {}

  /** The normalised domain, or empty when the input is not a domain. */
  public static Optional<String> normalize(String typed) {
    return read(typed) instanceof Domain d ? Optional.of(d.ascii()) : Optional.empty();
  }

  /** The domain in the input, or why there is none. */
  public static Reading read(String typed) {
    if (typed == null || typed.isBlank()) {
      return new NotADomain("", "nothing was typed");
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
    if (t.length() > 1 && DOTS.indexOf(t.charAt(t.length() - 1)) >= 0) {
      t = t.substring(0, t.length() - 1); // the root's dot: example.com. is example.com
    }
    if (t.isEmpty()) {
      return new NotADomain(typed, "there is no name in it");
    }
    StringBuilder ascii = new StringBuilder();
    IDNA.Info info = new IDNA.Info();
    UTS46.nameToASCII(t, ascii, info);
    if (info.hasErrors()) {
      return new NotADomain(typed, explain(t, info.getErrors()));
    }
    String name = ascii.toString().toLowerCase(Locale.ROOT);
    if (DomainNames.normalize(name).isEmpty()) {
      return new NotADomain(
          typed,
          name.matches("[0-9.]+")
              ? "it is an IP address; type the domain name"
              : "the last label is all digits, which no top-level domain is");
    }
    if (!name.contains(".")) {
      return new NotADomain(
          typed,
          "a single label is not a domain on the internet; type the full name (example.com)");
    }
    return new Domain(name);
  }

  private static String explain(String name, Set<IDNA.Error> errors) {
    if (errors.contains(IDNA.Error.DISALLOWED)) {
      return disallowedCharacter(name);
    }
    IDNA.Error first = errors.iterator().next();
    return switch (first) {
      case EMPTY_LABEL -> "it has an empty label (two dots in a row, or a dot at the start)";
      case LABEL_TOO_LONG -> "a label is longer than 63 characters (counted in its xn-- form)";
      case DOMAIN_NAME_TOO_LONG -> "the name is longer than 253 characters (in its xn-- form)";
      case LEADING_HYPHEN -> "a label starts with a hyphen";
      case TRAILING_HYPHEN -> "a label ends with a hyphen";
      case HYPHEN_3_4 ->
          "a label has hyphens in its 3rd and 4th characters, which are reserved (as in xn--)";
      case LEADING_COMBINING_MARK -> "a label starts with a combining mark";
      case PUNYCODE, INVALID_ACE_LABEL ->
          "an xn-- label is not valid Punycode of a valid internationalised label";
      case LABEL_HAS_DOT -> "a label contains a dot";
      case BIDI ->
          "it breaks the bidi rule (RFC 5893): right-to-left and left-to-right characters are"
              + " mixed in a way that would display ambiguously";
      case CONTEXTJ ->
          "it contains a zero-width joiner or non-joiner where RFC 5892 does not allow one";
      case CONTEXTO_PUNCTUATION ->
          "it contains punctuation (such as a middle dot or a Greek keraia) where RFC 5892 does"
              + " not allow it";
      case CONTEXTO_DIGITS -> "it mixes Arabic-Indic and extended Arabic-Indic digits";
      case DISALLOWED -> disallowedCharacter(name);
    };
  }

  /** Names the first character that UTS #46 (with the STD3 host-name rules) does not allow. */
  private static String disallowedCharacter(String name) {
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      i += Character.charCount(cp);
      if (DOTS.indexOf(cp) >= 0) {
        continue;
      }
      IDNA.Info info = new IDNA.Info();
      UTS46.labelToASCII(new String(Character.toChars(cp)), new StringBuilder(), info);
      if (info.getErrors().contains(IDNA.Error.DISALLOWED)) {
        String cpName = Character.getName(cp);
        String shown = cp == ' ' ? "a space" : "`" + new String(Character.toChars(cp)) + "`";
        return "it contains "
            + shown
            + " ("
            + String.format("U+%04X", cp)
            + (cpName == null ? "" : " " + cpName)
            + "), which a domain name cannot contain";
      }
    }
    return "it contains a character that a domain name cannot contain";
  }
}
