package org.stslens.engine.dns;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A TXT RRset as fuzz input: records separated by 0x1E, the character-strings of one record by
 * 0x1F, UTF-8 (as {@code scripts/fuzz-seeds.py} writes the corpus RRsets).
 */
public final class TxtRrsets {

  private TxtRrsets() {}

  public static List<List<String>> decode(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<List<String>> rrset = new ArrayList<>();
    if (text.isEmpty()) {
      return rrset;
    }
    for (String record : text.split("\u001e", -1)) {
      rrset.add(List.of(record.split("\u001f", -1)));
    }
    return rrset;
  }
}
