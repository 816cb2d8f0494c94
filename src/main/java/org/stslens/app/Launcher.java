package org.stslens.app;

import org.stslens.cli.StsLensCommand;

/**
 * The one entry point of the jar and of the installers. With a subcommand it runs the command line;
 * without arguments it will open the desktop application (until that exists it prints the command
 * line's help).
 */
public final class Launcher {

  private Launcher() {}

  public static void main(String[] args) {
    System.exit(StsLensCommand.run(args));
  }
}
