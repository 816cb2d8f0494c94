package org.stslens.ui.stages.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javafx.event.Event;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Issue 14, item 6: an evidence table's cells make their tooltip (the whole value, for a column too
 * narrow for it) only when the pointer comes to them, and keep it; a new tooltip per update built
 * and styled a popup scene for every cell on the FX thread when a stage's view appeared.
 */
@ExtendWith(ApplicationExtension.class)
class TablesTest {

  private TableView<String> table;

  @Start
  void start(Stage stage) {
    table = Tables.of(List.of("first value", "second value", ""));
    table.getColumns().add(Tables.column("Value", 300, s -> s));
    stage.setScene(new Scene(table, 400, 300));
    stage.show();
  }

  @SuppressWarnings("unchecked")
  private List<TableCell<String, String>> cells() {
    return table.lookupAll(".table-cell").stream()
        .map(n -> (TableCell<String, String>) n)
        .filter(c -> c.getIndex() >= 0 && c.getIndex() < table.getItems().size())
        .sorted(java.util.Comparator.comparingInt(TableCell::getIndex))
        .toList();
  }

  private static void enter(TableCell<?, ?> cell) {
    Event.fireEvent(
        cell,
        new MouseEvent(
            MouseEvent.MOUSE_ENTERED,
            1,
            1,
            1,
            1,
            null,
            0,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            false,
            null));
  }

  @Test
  void noTooltipIsMadeUntilThePointerComesThenItShowsTheWholeValue(FxRobot robot) {
    robot.interact(
        () -> {
          assertThat(cells()).hasSize(3).allMatch(c -> c.getTooltip() == null);
          cells().forEach(TablesTest::enter);
          List<TableCell<String, String>> cells = cells();
          assertThat(cells.get(0).getTooltip().getText()).isEqualTo("first value");
          assertThat(cells.get(1).getTooltip().getText()).isEqualTo("second value");
          assertThat(cells.get(2).getTooltip()).as("an empty value has none").isNull();
        });
  }

  @Test
  void aCellKeepsItsTooltipAndFollowsItsValue(FxRobot robot) {
    Tooltip[] before = new Tooltip[1];
    robot.interact(
        () -> {
          TableCell<String, String> cell = cells().get(0);
          enter(cell);
          before[0] = cell.getTooltip();
          enter(cell);
          assertThat(cell.getTooltip()).isSameAs(before[0]);
        });
    robot.interact(() -> table.getItems().set(0, ""));
    robot.interact(() -> assertThat(cells().get(0).getTooltip()).isNull());
    robot.interact(() -> table.getItems().set(0, "changed value"));
    robot.interact(
        () -> {
          TableCell<String, String> cell = cells().get(0);
          enter(cell);
          assertThat(cell.getTooltip().getText()).isEqualTo("changed value");
        });
  }
}
