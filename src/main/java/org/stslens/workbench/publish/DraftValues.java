package org.stslens.workbench.publish;

import java.util.List;
import java.util.Optional;
import org.stslens.engine.policy.Mode;
import org.stslens.engine.policy.ParsedPolicy;
import org.stslens.engine.policy.PolicyLine;

/**
 * The values of a draft as the checklist quotes them: from the valid policy when there is one, else
 * as written, so that a checklist for a draft with an error still reads sensibly.
 */
record DraftValues(Optional<Mode> mode, Optional<Long> maxAge, List<String> mx, boolean valid) {

  static DraftValues of(ParsedPolicy parsed) {
    if (parsed.policy().isPresent()) {
      var policy = parsed.policy().get();
      return new DraftValues(
          Optional.of(policy.mode()),
          Optional.of(policy.maxAge()),
          policy.mx().stream().map(p -> p.written()).toList(),
          parsed.valid());
    }
    var first = parsed.firstValues();
    Optional<Mode> mode = Optional.ofNullable(first.get("mode")).flatMap(Mode::ofWord);
    Optional<Long> maxAge =
        Optional.ofNullable(first.get("max_age"))
            .filter(v -> v.matches("[0-9]{1,10}"))
            .map(Long::parseLong);
    List<String> mx =
        parsed.lines().stream().filter(l -> l.key().equals("mx")).map(PolicyLine::value).toList();
    return new DraftValues(mode, maxAge, mx, false);
  }

  String modeWord() {
    return mode.map(Mode::word).orElse("(no valid mode yet)");
  }

  String maxAgeWords() {
    return maxAge.map(MaxAge::describe).orElse("(no valid max_age yet)");
  }

  String mxList() {
    return mx.isEmpty() ? "(none)" : String.join(", ", mx);
  }
}
