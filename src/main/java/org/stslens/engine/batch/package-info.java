/**
 * Checks many domains from a list with bounded concurrency and hands each result to a sink as soon
 * as it is ready, so that thousands of domains run in bounded memory: nothing is kept after the
 * sink has taken it.
 */
package org.stslens.engine.batch;
