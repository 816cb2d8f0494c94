package org.stslens.cli;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/** The progress of a batch run on standard error: a bar on a terminal, else nothing. */
interface BatchProgress extends AutoCloseable {

  BatchProgress NONE =
      new BatchProgress() {
        @Override
        public void step() {}

        @Override
        public void close() {}
      };

  /** One more domain of the list is done (checked, or its check broke). */
  void step();

  @Override
  void close();

  /**
   * A bar on standard error, for a terminal only (see {@link StderrTerminal}).
   *
   * @param total the domains to check, or -1 when unknown (standard input)
   */
  static BatchProgress bar(long total) {
    ProgressBar bar =
        new ProgressBarBuilder()
            .setTaskName("Checking")
            .setInitialMax(total)
            .setUnit(" domains", 1)
            .setConsumer(new ConsoleProgressBarConsumer(System.err))
            .build();
    return new BatchProgress() {
      @Override
      public void step() {
        bar.step();
      }

      @Override
      public void close() {
        bar.close();
      }
    };
  }
}
