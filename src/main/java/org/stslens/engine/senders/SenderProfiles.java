package org.stslens.engine.senders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** The sender profiles shipped as resources, one JSON file per sender, in the report's order. */
public final class SenderProfiles {

  /** The profiles, in the order of the JSON contract (docs/report-format.md). */
  public static final List<String> IDS =
      List.of(
          "rfc8461",
          "postfix-mta-sts-resolver",
          "postfix-tlspol",
          "mailauth",
          "go-mtasts",
          "mox",
          "exchange-online",
          "gmail");

  private static final List<SenderProfile> ALL = IDS.stream().map(SenderProfiles::load).toList();

  private SenderProfiles() {}

  public static List<SenderProfile> all() {
    return ALL;
  }

  /** The profile in {@code /org/stslens/senders/<id>.json}; throws when missing or malformed. */
  static SenderProfile load(String id) {
    String path = "/org/stslens/senders/" + id + ".json";
    try (InputStream in = SenderProfiles.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing sender profile " + path);
      }
      return parse(new ObjectMapper().readTree(in), id);
    } catch (IOException e) {
      throw new UncheckedIOException("unreadable sender profile " + path, e);
    }
  }

  static SenderProfile parse(JsonNode root, String expectedId) {
    String id = text(root, "sender");
    if (!id.equals(expectedId)) {
      throw new IllegalStateException("profile " + expectedId + " names itself " + id);
    }
    JsonNode behaviours = root.path("behaviours");
    Map<Behaviour, SenderProfile.Fact> facts = new EnumMap<>(Behaviour.class);
    for (Iterator<Map.Entry<String, JsonNode>> it = behaviours.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      Behaviour b =
          Behaviour.byId(e.getKey())
              .orElseThrow(
                  () -> new IllegalStateException(id + ": unknown behaviour " + e.getKey()));
      facts.put(
          b, new SenderProfile.Fact(text(e.getValue(), "value"), text(e.getValue(), "source")));
    }
    return new SenderProfile(id, text(root, "name"), text(root, "basis"), facts);
  }

  private static String text(JsonNode node, String field) {
    JsonNode v = node.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new IllegalStateException("sender profile: missing or empty \"" + field + "\"");
    }
    return v.asText();
  }
}
