package org.stslens.cli;

import picocli.CommandLine;

/**
 * A command that only groups subcommands ({@code policy}, {@code txt}, {@code lab}): called alone,
 * it prints its usage, which lists them.
 */
abstract class ParentCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }
}
