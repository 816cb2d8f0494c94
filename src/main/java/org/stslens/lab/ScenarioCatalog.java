package org.stslens.lab;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in scenarios: {@code org/stslens/lab/scenarios/index.json} lists their ids in order,
 * each {@code <id>.json} holds one {@link Scenario}.
 */
public final class ScenarioCatalog {

  private static final String BASE = "/org/stslens/lab/scenarios/";

  private final Map<String, Scenario> byId;

  private ScenarioCatalog(Map<String, Scenario> byId) {
    this.byId = byId;
  }

  /** Loads the index and every scenario it lists; fails on a missing or malformed file. */
  public static ScenarioCatalog load() {
    ObjectMapper json =
        new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    Map<String, Scenario> scenarios = new LinkedHashMap<>();
    try {
      List<String> ids = List.of(json.readValue(open("index.json"), String[].class));
      for (String id : ids) {
        Scenario scenario = json.readValue(open(id + ".json"), Scenario.class);
        if (!scenario.id().equals(id)) {
          throw new IllegalStateException(id + ".json has the id " + scenario.id());
        }
        if (scenarios.put(id, scenario) != null) {
          throw new IllegalStateException("scenario " + id + " is listed twice");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new ScenarioCatalog(scenarios);
  }

  private static InputStream open(String name) throws IOException {
    InputStream in = ScenarioCatalog.class.getResourceAsStream(BASE + name);
    if (in == null) {
      throw new IOException("no lab resource " + BASE + name);
    }
    return in;
  }

  /** Every scenario, in the order of the index. */
  public List<Scenario> all() {
    return new ArrayList<>(byId.values());
  }

  public Optional<Scenario> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }
}
