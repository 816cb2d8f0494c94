package org.stslens.app;

/** Entry point placeholder. */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) {}
}
