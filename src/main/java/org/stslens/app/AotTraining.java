package org.stslens.app;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stslens.cli.StsLensCommand;

/**
 * The training run of the command line's AOT cache (ADR 0009; packaging only, never run by users):
 * several {@code stslens} commands in one JVM, separated by a lone {@code +}, so that one cache
 * holds what each of them needs. A cache trained on a check alone left the lint commands' classes
 * out (lint 0.25 s installed, 0.21 s with a cache that has them).
 */
public final class AotTraining {

  /** Separates the commands of one training run. */
  static final String NEXT = "+";

  private AotTraining() {}

  public static void main(String[] args) {
    int worst = 0;
    for (String[] command : commands(args)) {
      worst = Math.max(worst, StsLensCommand.run(command));
    }
    // a finding's exit code (1) is expected; only a usage or internal error (2, 3) says it broke
    System.exit(worst >= 2 ? worst : 0);
  }

  /** The commands of {@code args}, split at each lone {@link #NEXT}; empty ones are dropped. */
  static List<String[]> commands(String[] args) {
    List<String[]> out = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= args.length; i++) {
      if (i == args.length || args[i].equals(NEXT)) {
        if (i > start) {
          out.add(Arrays.copyOfRange(args, start, i));
        }
        start = i + 1;
      }
    }
    return out;
  }
}
