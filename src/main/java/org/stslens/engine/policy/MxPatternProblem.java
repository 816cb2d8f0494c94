package org.stslens.engine.policy;

/**
 * Says in plain words why an {@code mx} value is not a usable pattern, so the invalid-mx finding
 * can tell the admin what to change. Only called for values {@link MxPattern#parse} rejected.
 */
public final class MxPatternProblem {

  private MxPatternProblem() {}

  public static String explain(String value) {
    if (value.isEmpty()) {
      return "the value is empty";
    }
    if (value.chars().anyMatch(c -> c > 0x7f)) {
      return "it contains non-ASCII characters; an internationalised name must be written as its"
          + " A-label (xn--...)";
    }
    if (value.contains("://") || value.contains("/")) {
      return "it is a URL; write only the host name";
    }
    if (value.contains(",") || value.contains(" ") || value.contains("\t")) {
      return "it holds several names or spaces; write one host per mx line";
    }
    if (value.startsWith("[") || value.chars().allMatch(c -> c == '.' || c >= '0' && c <= '9')) {
      return "it is an IP address; mx patterns are host names";
    }
    if (value.contains(":")) {
      return "it contains `:` (a port or an IPv6 address); write only the host name";
    }
    if (value.contains("*")) {
      return "`*` is only allowed as the whole left-most label, as in `*.example.com`, and matches"
          + " exactly one label";
    }
    if (value.startsWith(".")) {
      return "it starts with a dot; for all hosts under a domain write `*.example.com`";
    }
    if (value.contains("_")) {
      return "`_` is not allowed in a host name";
    }
    return "it is not a host name of letters, digits and hyphens in labels of 1 to 63 characters"
        + " (at most 253 in total)";
  }
}
