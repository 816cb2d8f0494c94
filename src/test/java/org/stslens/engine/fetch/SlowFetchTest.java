package org.stslens.engine.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.stslens.engine.finding.Code;
import org.stslens.engine.finding.Finding;

class SlowFetchTest {

  private static final String URL = "https://mta-sts.example.com/.well-known/mta-sts.txt";

  @Test
  void underTheThresholdNothingIsSaid() {
    assertThat(SlowFetch.judge(URL, 3_999, Duration.ofSeconds(4))).isEmpty();
  }

  @Test
  void atTheDefaultThresholdItSaysWhichSendersGiveUp() {
    Finding f = SlowFetch.judge(URL, 4_350, Duration.ofSeconds(4)).orElseThrow();
    assertThat(f.code()).isEqualTo(Code.FETCH_SLOW);
    assertThat(f.target()).isEqualTo(URL);
    assertThat(f.message())
        .contains("4350 ms")
        .contains("more than 4 s")
        .contains("would apply no policy");
  }

  @Test
  void aLoweredThresholdIsNamedAndDoesNotClaimSendersGiveUp() {
    Finding f = SlowFetch.judge(URL, 550, Duration.ofMillis(200)).orElseThrow();
    assertThat(f.message())
        .contains("550 ms")
        .contains("the 200 ms this check was set to warn at")
        .contains("real senders still get the policy")
        .doesNotContain("would apply no policy");
  }
}
