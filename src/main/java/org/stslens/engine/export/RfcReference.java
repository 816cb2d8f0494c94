package org.stslens.engine.export;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One RFC reference of the catalog ("8461 §3.3") as the words a reader sees and the page of the RFC
 * Editor it links to.
 *
 * @param text e.g. {@code RFC 8461 §3.3}
 * @param url e.g. {@code https://www.rfc-editor.org/rfc/rfc8461#section-3.3}
 */
public record RfcReference(String text, String url) {

  private static final Pattern RFC = Pattern.compile("(\\d{3,5})(?:\\s+§([0-9.]+))?");
  private static final Pattern SECTION = Pattern.compile("§([0-9.]+)");

  /**
   * The references of a catalog string such as {@code 8461 §3.1, §5} or {@code 5321 §5.1, 8461 §4}:
   * a bare section belongs to the RFC named before it. Parts that are neither are left out.
   */
  public static List<RfcReference> parse(String catalog) {
    List<RfcReference> refs = new ArrayList<>();
    String rfc = null;
    for (String part : catalog.split(",")) {
      String p = part.strip();
      Matcher m = RFC.matcher(p);
      Matcher s = SECTION.matcher(p);
      if (m.matches()) {
        rfc = m.group(1);
        refs.add(of(rfc, m.group(2)));
      } else if (rfc != null && s.matches()) {
        refs.add(of(rfc, s.group(1)));
      }
    }
    return List.copyOf(refs);
  }

  private static RfcReference of(String rfc, String section) {
    String url = "https://www.rfc-editor.org/rfc/rfc" + rfc;
    if (section == null) {
      return new RfcReference("RFC " + rfc, url);
    }
    return new RfcReference("RFC " + rfc + " §" + section, url + "#section-" + section);
  }
}
