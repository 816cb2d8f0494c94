package org.stslens.engine.check;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.stslens.engine.net.CancelScope;
import org.stslens.engine.report.DomainReport;

/** A check in progress: await its report, or cancel it (closing every open socket). */
public final class RunningCheck {

  private final String domain;
  private final CompletableFuture<DomainReport> report;
  private final CancelScope scope;
  private final CompletableFuture<DomainReport> upstream;

  RunningCheck(String domain, CompletableFuture<DomainReport> report, CancelScope scope) {
    this(domain, report, scope, report);
  }

  private RunningCheck(
      String domain,
      CompletableFuture<DomainReport> report,
      CancelScope scope,
      CompletableFuture<DomainReport> upstream) {
    this.domain = domain;
    this.report = report;
    this.scope = scope;
    this.upstream = upstream;
  }

  /**
   * This check, its report passed through {@code after} on {@code executor} once it is done (the
   * desktop saves it in the history there). Cancelling the result cancels the check.
   */
  public RunningCheck then(
      java.util.function.UnaryOperator<DomainReport> after,
      java.util.concurrent.Executor executor) {
    return new RunningCheck(domain, report.thenApplyAsync(after, executor), scope, upstream);
  }

  public String domain() {
    return domain;
  }

  /** The report, completing exceptionally if the check is cancelled. */
  public CompletableFuture<DomainReport> report() {
    return report;
  }

  /** Stops the check promptly: open sockets and queries are closed, pending steps never run. */
  public void cancel() {
    scope.cancel();
    // this future first: cancelling the upstream one first would complete it with a wrapped error
    report.cancel(true);
    upstream.cancel(true);
  }

  public boolean isCancelled() {
    return scope.isCancelled();
  }

  /**
   * Waits for the report.
   *
   * @throws InterruptedException when interrupted or cancelled; the check is cancelled
   */
  public DomainReport await() throws InterruptedException {
    try {
      return report.get();
    } catch (InterruptedException | CancellationException e) {
      cancel();
      throw new InterruptedException("check of " + domain + " cancelled");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof InterruptedException || cause instanceof CancellationException) {
        throw new InterruptedException("check of " + domain + " cancelled");
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(cause);
    }
  }
}
