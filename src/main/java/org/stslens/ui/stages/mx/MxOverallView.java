package org.stslens.ui.stages.mx;

import java.util.List;
import javafx.scene.Node;
import org.stslens.engine.finding.Finding;
import org.stslens.ui.stages.common.Explanation;
import org.stslens.ui.stages.common.StageHeader;
import org.stslens.ui.stages.common.StagePage;
import org.stslens.ui.stages.common.Texts;

/**
 * The MX stage as a whole (the stage report with an empty target): findings that concern the set of
 * hosts rather than one host — a policy pattern no MX uses, port 25 blocked on this network, a
 * probe limit.
 */
public final class MxOverallView {

  private MxOverallView() {}

  public static Node create(StageHeader header, List<Finding> findings) {
    return new StagePage(header)
        .explanation(
            new Explanation(
                "After every MX host has been probed, STS Lens looks at them together: does every"
                    + " mx pattern of the policy still match a real MX host, and could port 25 be"
                    + " reached at all from this network? These findings are about the set of"
                    + " hosts, not about one of them; each host has its own view."))
        .section(
            "What this covers",
            Texts.wrapping(
                "An unused pattern is harmless today but often a leftover of a migration. If every"
                    + " host timed out on port 25, your own network probably blocks outgoing"
                    + " SMTP: the results say nothing about the hosts themselves.",
                "muted"))
        .findings(findings)
        .build();
  }
}
