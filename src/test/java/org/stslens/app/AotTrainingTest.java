package org.stslens.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AotTrainingTest {

  @Test
  void splitsTheTrainingRunIntoItsCommands() {
    List<String[]> commands =
        AotTraining.commands(
            new String[] {"check", "a.example", "-q", "+", "policy", "lint", "p.txt", "+", "+"});
    assertThat(commands)
        .containsExactly(
            new String[] {"check", "a.example", "-q"}, new String[] {"policy", "lint", "p.txt"});
  }
}
