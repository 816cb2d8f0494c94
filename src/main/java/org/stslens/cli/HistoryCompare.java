package org.stslens.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.stslens.engine.history.CheckDiff;
import org.stslens.engine.history.CheckDiffListing;
import org.stslens.engine.history.HistoryException;
import org.stslens.engine.history.HistoryStore;
import org.stslens.engine.history.StoredCheck;
import picocli.CommandLine;

/**
 * {@code check --history DOMAIN --compare [OLDER_ID NEWER_ID]}: two stored checks of the domain
 * side by side (default: its last two). Fewer than two checks, an unknown id or an id of another
 * domain is a usage error (exit 2): the command line asked for something the history does not hold.
 */
final class HistoryCompare {

  private final CommandLine cli;
  private final Path file;
  private final String domain;
  private final boolean json;

  HistoryCompare(CommandLine cli, Path file, String domain, boolean json) {
    this.cli = cli;
    this.file = file;
    this.domain = domain;
    this.json = json;
  }

  int run(List<Long> ids) {
    if (ids.size() == 1) {
      throw new CommandLine.ParameterException(
          cli, "--compare takes two ids (OLDER_ID NEWER_ID), or none for the last two checks");
    }
    PrintWriter err = cli.getErr();
    try {
      HistoryStore store = HistoryStore.open(file);
      List<StoredCheck> checks = store.checks(domain); // newest first
      StoredCheck older;
      StoredCheck newer;
      if (ids.isEmpty()) {
        if (checks.size() < 2) {
          return usage(
              "--compare needs two stored checks of "
                  + domain
                  + ", "
                  + (checks.size() == 1 ? "only one is" : "none is")
                  + " in "
                  + store.file()
                  + " (stslens check --save "
                  + domain
                  + ")");
        }
        older = checks.get(1);
        newer = checks.get(0);
      } else {
        Optional<StoredCheck> a = byId(checks, ids.get(0));
        Optional<StoredCheck> b = byId(checks, ids.get(1));
        if (a.isEmpty() || b.isEmpty()) {
          long missing = a.isEmpty() ? ids.get(0) : ids.get(1);
          return usage(
              "no stored check "
                  + missing
                  + " of "
                  + domain
                  + " in "
                  + store.file()
                  + " (stslens check --history "
                  + domain
                  + " lists them)");
        }
        // the older is the one checked first, whatever the order given
        boolean inOrder = !a.get().facts().checkedAt().isAfter(b.get().facts().checkedAt());
        older = inOrder ? a.get() : b.get();
        newer = inOrder ? b.get() : a.get();
      }
      CheckDiff diff =
          CheckDiff.of(
              older.id(),
              store.reportJson(older.id()).orElseThrow(),
              newer.id(),
              store.reportJson(newer.id()).orElseThrow());
      PrintWriter out = cli.getOut();
      out.print(json ? CheckDiffListing.json(diff) : CheckDiffListing.text(diff));
      out.flush();
      return ExitCodes.OK;
    } catch (HistoryException e) {
      err.println("stslens: " + e.getMessage());
      err.flush();
      return ExitCodes.INTERNAL;
    } catch (IllegalArgumentException e) {
      err.println("stslens: a stored report cannot be read: " + e.getMessage());
      err.flush();
      return ExitCodes.INTERNAL;
    }
  }

  private static Optional<StoredCheck> byId(List<StoredCheck> checks, long id) {
    return checks.stream().filter(c -> c.id() == id).findFirst();
  }

  private int usage(String message) {
    PrintWriter err = cli.getErr();
    err.println("stslens: " + message);
    err.flush();
    return ExitCodes.USAGE;
  }
}
