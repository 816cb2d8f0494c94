package org.stslens.engine.report;

import java.util.Objects;
import java.util.Optional;

/**
 * Which world a report comes from: the real Internet, or a lab scenario's loopback world (as
 * broken, or with its fix). A lab result must never pass for a real one: views and exports badge
 * it.
 *
 * @param world the kind of world
 * @param scenario the lab scenario's id; empty for the real Internet
 * @param commands how the "Try it yourself" commands reach this world
 */
public record CheckOrigin(World world, Optional<String> scenario, TryCommands commands) {

  /** The kinds of world a check can run in. */
  public enum World {
    INTERNET(""),
    LAB("LAB"),
    FIXED("FIXED");

    private final String badge;

    World(String badge) {
      this.badge = badge;
    }

    /** The badge shown on every result of this world; empty for the real Internet. */
    public String badge() {
      return badge;
    }

    /** The JSON word: {@code internet}, {@code lab}, {@code fixed}. */
    public String word() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final CheckOrigin INTERNET =
      new CheckOrigin(World.INTERNET, Optional.empty(), TryCommands.internet());

  public CheckOrigin {
    Objects.requireNonNull(world, "world");
    Objects.requireNonNull(scenario, "scenario");
    Objects.requireNonNull(commands, "commands");
  }

  public static CheckOrigin internet() {
    return INTERNET;
  }

  /** A lab scenario's world, as broken or with its fix applied. */
  public static CheckOrigin lab(String scenario, boolean fixed, TryCommands commands) {
    return new CheckOrigin(fixed ? World.FIXED : World.LAB, Optional.of(scenario), commands);
  }

  public boolean isLab() {
    return world != World.INTERNET;
  }

  /** "LAB · mx-cert-expired", "FIXED · mx-cert-expired"; empty for the real Internet. */
  public String badgeText() {
    return scenario.map(s -> world.badge() + " · " + s).orElse(world.badge());
  }

  /** One sentence for exports: where the result comes from. */
  public String sentence() {
    return switch (world) {
      case INTERNET -> "Checked against the real DNS and servers.";
      case LAB ->
          "LAB: a lab world on loopback (scenario "
              + scenario.orElse("?")
              + "), not the real DNS; the domain exists only in the lab.";
      case FIXED ->
          "FIXED: the lab world with its fix applied, on loopback (scenario "
              + scenario.orElse("?")
              + "), not the real DNS; the domain exists only in the lab.";
    };
  }
}
