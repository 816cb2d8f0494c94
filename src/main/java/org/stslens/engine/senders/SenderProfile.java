package org.stslens.engine.senders;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How one sender applies MTA-STS, behaviour by behaviour, each value with its source.
 *
 * @param id e.g. {@code postfix-mta-sts-resolver}
 * @param name for people
 * @param basis the version and settings assumed
 * @param facts one per {@link Behaviour}, every one present
 */
public record SenderProfile(String id, String name, String basis, Map<Behaviour, Fact> facts) {

  /** A behaviour's value (from {@link Behaviour#allowed()}) and where it was established. */
  public record Fact(String value, String source) {
    public Fact {
      Objects.requireNonNull(value, "value");
      Objects.requireNonNull(source, "source");
    }

    public boolean unknown() {
      return value.equals(Behaviour.UNKNOWN);
    }
  }

  public SenderProfile {
    facts = Map.copyOf(new EnumMap<>(facts));
    for (Behaviour b : Behaviour.values()) {
      Fact f = facts.get(b);
      if (f == null) {
        throw new IllegalArgumentException(id + ": no value for " + b.id());
      }
      if (!b.allowed().contains(f.value())) {
        throw new IllegalArgumentException(
            id + ": " + b.id() + " cannot be " + f.value() + " (one of " + b.allowed() + ")");
      }
    }
  }

  public Fact fact(Behaviour b) {
    return facts.get(b);
  }

  public String value(Behaviour b) {
    return facts.get(b).value();
  }
}
