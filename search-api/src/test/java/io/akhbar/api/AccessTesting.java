package io.akhbar.api;

import io.akhbar.core.ApiKeys;
import java.util.function.LongSupplier;

/** Access with a clock the test moves (rate limits and the key cache without waiting). */
public final class AccessTesting {

  private AccessTesting() {}

  public static Access keys(ApiKeys keys, int perMinute, LongSupplier nanos) {
    return Access.keys(keys, perMinute, nanos);
  }
}
