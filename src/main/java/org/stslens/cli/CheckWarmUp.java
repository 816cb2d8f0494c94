package org.stslens.cli;

import java.util.List;
import java.util.Optional;
import org.stslens.engine.check.DomainNameInput;
import org.stslens.engine.dane.DaneTrustAnchors;
import org.stslens.engine.export.JsonReport;
import org.stslens.engine.senders.SenderProfiles;
import org.stslens.engine.tls.TrustAnchors;

/**
 * Work that a cold {@code stslens check} does anyway, started on a second thread as the process
 * starts. It then overlaps picocli building its model on the main thread, and the check's own
 * network waits, instead of adding to them. Where it was (a cold check on Java 25 with the AOT
 * cache, JFR samples every millisecond, issue 14): reading the JDK's trust store 25 ms, the DNSSEC
 * root anchors (mostly dnsjava's classes) 14 ms, IDNA (ICU) 8 ms, all on the main thread before the
 * first query; Jackson 9 ms and the sender profiles 5 ms after the last reply.
 *
 * <p>Each piece is a class initialiser or a read whose result is thrown away, so it is safe to race
 * with the main thread: whoever comes second waits for the same initialiser. A failure here is
 * ignored and the main thread meets it again where it always did; a failed class initialiser then
 * reaches it as a NoClassDefFoundError whose cause is the original failure.
 */
final class CheckWarmUp {

  private CheckWarmUp() {}

  /**
   * Starts the warm-up when {@code args} run the check command (its first word is {@code check}).
   */
  static Optional<Thread> startFor(String[] args) {
    if (!isCheck(args)) {
      return Optional.empty();
    }
    boolean json = List.of(args).stream().anyMatch(a -> a.equals("json") || a.endsWith("=json"));
    Thread thread = new Thread(() -> warmUp(json), "stslens-warm-up");
    thread.setDaemon(true);
    thread.start();
    return Optional.of(thread);
  }

  static boolean isCheck(String[] args) {
    for (String arg : args) {
      if (!arg.startsWith("-")) {
        return arg.equals("check");
      }
    }
    return false;
  }

  private static void warmUp(boolean json) {
    try {
      TrustAnchors.jdkDefault();
      DomainNameInput.read("warm-up.example");
      DaneTrustAnchors.root();
      SenderProfiles.all();
      if (json) {
        JsonReport.render(List.of());
      }
    } catch (RuntimeException | LinkageError e) {
      // The main thread does the same work and reports a failure where it always did.
    }
  }
}
