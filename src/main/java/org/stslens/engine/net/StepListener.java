package org.stslens.engine.net;

/**
 * Hears the steps of one network client as they happen. Called on the thread doing the work, so
 * implementations must be fast, thread-safe and must not throw.
 */
@FunctionalInterface
public interface StepListener {

  StepListener NONE = (step, detail) -> {};

  /**
   * @param step what happened
   * @param detail a short text for people (a name, an address, a reply code); never to branch on
   */
  void step(Step step, String detail);
}
