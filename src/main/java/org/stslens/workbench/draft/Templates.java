package org.stslens.workbench.draft;

import java.util.List;
import org.stslens.engine.check.DomainNameInput;
import org.stslens.engine.names.DomainNames;

/**
 * Starting points for a draft: the testing-first rollout RFC 8461 §8 suggests, an enforce policy,
 * and a blank draft. The MX hosts of the last check are filled in when known.
 */
public enum Templates {
  TESTING_FIRST("Testing first (recommended start)"),
  ENFORCE("Enforce"),
  WITHDRAW("Withdraw (mode none)"),
  BLANK("Blank");

  private final String title;

  Templates(String title) {
    this.title = title;
  }

  public String title() {
    return title;
  }

  /** The template's text for a domain and its MX hosts (editor text, LF-separated). */
  public String text(String domain, List<String> mxHosts) {
    if (this == BLANK) {
      return "";
    }
    String d = DomainNameInput.normalize(domain).orElse("example.com");
    List<String> hosts =
        mxHosts.isEmpty()
            ? List.of("mail." + d)
            : mxHosts.stream().map(h -> DomainNames.normalize(h).orElse(h)).distinct().toList();
    StringBuilder s = new StringBuilder("version: STSv1\n");
    switch (this) {
      case TESTING_FIRST -> s.append("mode: testing\n");
      case ENFORCE -> s.append("mode: enforce\n");
      default -> s.append("mode: none\n");
    }
    hosts.forEach(h -> s.append("mx: ").append(h).append('\n'));
    s.append("max_age: ")
        .append(
            switch (this) {
              case TESTING_FIRST, WITHDRAW -> "86400";
              default -> "1209600";
            })
        .append('\n');
    return s.toString();
  }

  @Override
  public String toString() {
    return title;
  }
}
