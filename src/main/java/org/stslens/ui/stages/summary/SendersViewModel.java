package org.stslens.ui.stages.summary;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.stslens.engine.report.DomainReport;
import org.stslens.engine.senders.Behaviour;
import org.stslens.engine.senders.Disagreements;
import org.stslens.engine.senders.SenderJudge;
import org.stslens.engine.senders.SenderVerdict;
import org.stslens.engine.senders.SenderVerdict.Applies;
import org.stslens.engine.senders.SenderVerdict.Difference;
import org.stslens.engine.senders.SenderVerdict.Outcome;

/**
 * The Senders matrix: one row per sender profile, a "Policy" column and one per MX host, each cell
 * a word and a tone; the banner when senders disagree; what the selected cell means and why. Used
 * by the Summary (a report's verdicts) and by the policy editor (a draft's). No scene graph here.
 */
public final class SendersViewModel {

  /** How a cell looks; the view maps each to an icon and a style class, the word says it too. */
  public enum Tone {
    GOOD,
    WARN,
    BAD,
    UNKNOWN
  }

  /**
   * @param word deliver, refuse, enforce, no-policy... (the JSON words)
   * @param explanation what this sender does there and why, with the sources
   */
  public record Cell(String word, Tone tone, String explanation) {}

  /**
   * @param sender the sender's short name
   * @param about its full name and the version and settings assumed
   * @param cells the policy cell first, then one per MX host
   */
  public record Row(String sender, String about, List<Cell> cells) {
    public Row {
      cells = List.copyOf(cells);
    }
  }

  /** A whole matrix: columns after the sender's ("Policy", then the hosts), rows, banner. */
  public record Matrix(List<String> columns, List<Row> rows, List<String> disagreements) {
    public Matrix {
      columns = List.copyOf(columns);
      rows = List.copyOf(rows);
      disagreements = List.copyOf(disagreements);
    }

    static final Matrix EMPTY = new Matrix(List.of("Policy"), List.of(), List.of());
  }

  public static final String NOTHING_SELECTED =
      "Select a cell (click it, or move with the arrow keys) to see what that sender does there"
          + " and why.";

  private final ReadOnlyObjectWrapper<Matrix> matrix = new ReadOnlyObjectWrapper<>(Matrix.EMPTY);
  private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(NOTHING_SELECTED);
  private final ReadOnlyStringWrapper banner = new ReadOnlyStringWrapper("");

  /** The matrix of a finished check. */
  public static SendersViewModel forReport(DomainReport report) {
    SendersViewModel vm = new SendersViewModel();
    vm.show(SenderJudge.judgeAll(report));
    return vm;
  }

  /** Shows other verdicts (a draft changed); the selection's explanation is cleared. */
  public void show(List<SenderVerdict> verdicts) {
    Matrix m = build(verdicts);
    matrix.set(m);
    banner.set(String.join(" ", m.disagreements()));
    explanation.set(NOTHING_SELECTED);
  }

  /**
   * Selects a cell.
   *
   * @param column -1 for the sender's name, 0 for the policy, 1.. for the MX hosts
   */
  public void select(int row, int column) {
    Matrix m = matrix.get();
    if (row < 0 || row >= m.rows().size() || column >= m.columns().size()) {
      explanation.set(NOTHING_SELECTED);
      return;
    }
    Row r = m.rows().get(row);
    explanation.set(column < 0 ? r.about() : r.cells().get(column).explanation());
  }

  public ReadOnlyObjectProperty<Matrix> matrixProperty() {
    return matrix.getReadOnlyProperty();
  }

  /** The disagreements in one paragraph; empty when all senders with a known answer agree. */
  public ReadOnlyStringProperty bannerProperty() {
    return banner.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty explanationProperty() {
    return explanation.getReadOnlyProperty();
  }

  /** The matrix as aligned plain text, for the clipboard. */
  public String asText() {
    Matrix m = matrix.get();
    List<List<String>> table = new ArrayList<>();
    List<String> head = new ArrayList<>();
    head.add("Sender");
    head.addAll(m.columns());
    table.add(head);
    for (Row r : m.rows()) {
      List<String> line = new ArrayList<>();
      line.add(r.sender());
      r.cells().forEach(c -> line.add(c.word()));
      table.add(line);
    }
    int[] widths = new int[head.size()];
    for (List<String> line : table) {
      for (int i = 0; i < line.size(); i++) {
        widths[i] = Math.max(widths[i], line.get(i).length());
      }
    }
    StringBuilder out = new StringBuilder();
    for (List<String> line : table) {
      StringBuilder l = new StringBuilder();
      for (int i = 0; i < line.size(); i++) {
        l.append(i == 0 ? "" : "  ").append(String.format("%-" + widths[i] + "s", line.get(i)));
      }
      out.append(l.toString().stripTrailing()).append('\n');
    }
    m.disagreements().forEach(s -> out.append('\n').append(s));
    return m.disagreements().isEmpty() ? out.toString() : out.append('\n').toString();
  }

  // ---- building ---------------------------------------------------------------------------

  static Matrix build(List<SenderVerdict> verdicts) {
    if (verdicts.isEmpty()) {
      return Matrix.EMPTY;
    }
    SenderVerdict rfc = verdicts.get(0);
    List<String> columns = new ArrayList<>();
    columns.add("Policy");
    rfc.mx().forEach(m -> columns.add(m.host()));
    List<Row> rows = new ArrayList<>();
    for (SenderVerdict v : verdicts) {
      String name = Disagreements.shortName(v.profile());
      List<Cell> cells = new ArrayList<>();
      cells.add(policyCell(v, rfc, name));
      for (int i = 0; i < v.mx().size(); i++) {
        cells.add(mxCell(v, rfc, i, name));
      }
      rows.add(new Row(name, about(v), cells));
    }
    return new Matrix(columns, rows, Disagreements.of(verdicts));
  }

  private static String about(SenderVerdict v) {
    return v.profile().name()
        + "\nAssumed: "
        + v.profile().basis()
        + "\n"
        + (v.differs().isEmpty()
            ? "Here it reads the domain as RFC 8461 does."
            : "Here it differs from RFC 8461 in: "
                + v.differs().stream()
                    .map(d -> d.behaviour().id())
                    .collect(Collectors.joining(", "))
                + ".");
  }

  private static Cell policyCell(SenderVerdict v, SenderVerdict rfc, String name) {
    Applies a = v.applies();
    String head =
        name
            + " "
            + switch (a) {
              case ENFORCE -> "enforces the policy";
              case TESTING -> "applies the policy in testing mode";
              case NONE -> "applies mode none (as if there were no policy)";
              case NO_POLICY -> "sees no policy";
              case UNKNOWN -> "— what it applies cannot be known from here";
            }
            + compared(a.word(), rfc.applies().word(), v == rfc)
            + ".";
    List<Difference> relevant = v.differs().stream().filter(d -> !isMx(d.behaviour())).toList();
    return new Cell(a.word(), tone(a), head + why(relevant, v == rfc));
  }

  private static Cell mxCell(SenderVerdict v, SenderVerdict rfc, int i, String name) {
    SenderVerdict.Mx m = v.mx().get(i);
    Outcome o = m.outcome();
    Outcome r = rfc.mx().get(i).outcome();
    String head =
        name
            + " "
            + switch (o) {
              case DELIVER -> "delivers to " + m.host();
              case REFUSE -> "refuses " + m.host() + " (no mail is sent to it)";
              case REPORT -> "delivers to " + m.host() + " and reports the failure (testing)";
              case UNREACHABLE -> "cannot reach " + m.host() + " (from where STS Lens checked)";
              case UNKNOWN -> "— what it does with " + m.host() + " cannot be known from here";
            }
            + compared(o.word(), r.word(), v == rfc)
            + ".";
    // the host's outcome follows from the policy when the policy already differs
    boolean policyDiffers = v.applies() != rfc.applies();
    List<Difference> relevant =
        v.differs().stream().filter(d -> policyDiffers || isMx(d.behaviour())).toList();
    return new Cell(o.word(), tone(o), head + why(relevant, v == rfc));
  }

  private static String compared(String word, String rfcWord, boolean isRfc) {
    return isRfc || word.equals(rfcWord) ? "" : " (RFC 8461 reading: " + rfcWord + ")";
  }

  private static String why(List<Difference> relevant, boolean isRfc) {
    if (isRfc) {
      return "\nThis is the RFC reading: the verdict STS Lens gives.";
    }
    if (relevant.isEmpty()) {
      return "\nSame as the RFC reading.";
    }
    StringBuilder b = new StringBuilder("\nWhy:");
    for (Difference d : relevant) {
      b.append("\n• ")
          .append(d.behaviour().id())
          .append(": ")
          .append(
              d.thisSender().equals(Behaviour.UNKNOWN)
                  ? "not established for this sender"
                  : "this sender " + d.thisSender())
          .append(", RFC 8461 ")
          .append(d.rfc())
          .append("\n  Source: ")
          .append(d.source());
    }
    return b.toString();
  }

  private static boolean isMx(Behaviour b) {
    return b == Behaviour.MX_WILDCARD_DEPTH
        || b == Behaviour.MX_TRAILING_DOT
        || b == Behaviour.TESTING_MODE;
  }

  static Tone tone(Applies a) {
    return switch (a) {
      case ENFORCE -> Tone.GOOD;
      case TESTING -> Tone.WARN;
      case NONE, NO_POLICY -> Tone.BAD;
      case UNKNOWN -> Tone.UNKNOWN;
    };
  }

  static Tone tone(Outcome o) {
    return switch (o) {
      case DELIVER -> Tone.GOOD;
      case REPORT, UNREACHABLE -> Tone.WARN;
      case REFUSE -> Tone.BAD;
      case UNKNOWN -> Tone.UNKNOWN;
    };
  }
}
