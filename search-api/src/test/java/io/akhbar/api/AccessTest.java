package io.akhbar.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AccessTest {

  @Test
  void theKeyIsReadFromApiKeyOrBearerAndNothingElse() {
    assertEquals("akh_x.y", Access.token("ApiKey akh_x.y"));
    assertEquals("akh_x.y", Access.token("bearer  akh_x.y "));
    assertNull(Access.token("Basic Zm9vOmJhcg=="));
    assertNull(Access.token("ApiKey "));
    assertNull(Access.token(null));
  }

  @Test
  void theRateLimitLetsTheMinutesRequestsThroughThenSaysHowLongToWait() {
    Access.RateLimit limit = new Access.RateLimit(60); // one a second once the burst is spent
    long t = 0;
    for (int i = 0; i < 60; i++) {
      assertEquals(0, limit.take(t), "the first minute's requests at once");
    }
    long wait = limit.take(t);
    assertTrue(wait > 900_000_000L && wait <= 1_000_000_000L, "about a second: " + wait);
    assertEquals(0, limit.take(t + 1_000_000_000L), "one more a second later");
    assertTrue(limit.take(t + 1_000_000_000L) > 0);
    assertEquals(0, limit.take(t + 3_600_000_000_000L), "an idle hour refills it");
  }
}
