package io.akhbar.api;

import io.akhbar.core.ApiKeys;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may call the JSON API ({@code AUTH=keys}): an API key in {@code Authorization: ApiKey …} or {@code Bearer …},
 * its role ({@code search} for the search, article, facet and export endpoints; {@code admin} also for
 * {@code /api/admin/*}), a rate limit per key, and an audit line for every admin action. With {@code AUTH=off} (the
 * embedded single-user run) every request passes. A key's verification is cached for {@link #CACHE_NANOS}: a revoked
 * key stops working within that time. The secret is never logged; the key's id and name are.
 */
public final class Access {

  private static final Logger audit = LoggerFactory.getLogger("audit");
  static final long CACHE_NANOS = 10_000_000_000L;
  private static final int MAX_CACHED = 10_000;

  /** A key as the handlers see it: null when access is off. */
  public record Caller(String keyId, String name, ApiKeys.Role role) {}

  private record Cached(Optional<ApiKeys.Key> key, long until) {}

  private final ApiKeys keys;
  private final int perMinute;
  private final LongSupplier nanos;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();
  private final Map<String, RateLimit> limits = new ConcurrentHashMap<>();

  private Access(ApiKeys keys, int perMinute, LongSupplier nanos) {
    this.keys = keys;
    this.perMinute = perMinute;
    this.nanos = nanos;
  }

  /** Every request passes. */
  public static Access off() {
    return new Access(null, 0, System::nanoTime);
  }

  /** Requests need a key of {@code keys}; at most {@code perMinute} a minute per key (0: no limit). */
  public static Access keys(ApiKeys keys, int perMinute) {
    return new Access(keys, perMinute, System::nanoTime);
  }

  static Access keys(ApiKeys keys, int perMinute, LongSupplier nanos) {
    return new Access(keys, perMinute, nanos);
  }

  public boolean on() {
    return keys != null;
  }

  /**
   * Lets the request through, or answers 401 (no key, unknown, revoked), 403 (a search key on an admin endpoint) or
   * 429 (over the key's rate, with {@code Retry-After}). Records the caller on the context.
   */
  void check(Context ctx, boolean adminEndpoint) {
    if (keys == null) {
      return;
    }
    String token = token(ctx.header("Authorization"));
    if (token == null) {
      ctx.header("WWW-Authenticate", "ApiKey realm=\"akhbar\"");
      throw new ApiException(401, "unauthorized", "This API needs a key: send 'Authorization: ApiKey <key>' (keys are"
          + " made with ./indexer.sh keys create)", null);
    }
    ApiKeys.Key key = verify(token).orElseThrow(() -> {
      ctx.header("WWW-Authenticate", "ApiKey realm=\"akhbar\", error=\"invalid_key\"");
      return new ApiException(401, "unauthorized", "The API key is not valid: unknown, mistyped or revoked", null);
    });
    if (adminEndpoint && key.roleValue() != ApiKeys.Role.ADMIN) {
      throw new ApiException(403, "forbidden", "The key '" + key.name() + "' has the role search; this endpoint needs"
          + " an admin key", null);
    }
    if (perMinute > 0) {
      long wait = limits.computeIfAbsent(key.id(), id -> new RateLimit(perMinute)).take(nanos.getAsLong());
      if (wait > 0) {
        long seconds = Math.max(1, (wait + 999_999_999L) / 1_000_000_000L);
        ctx.header("Retry-After", String.valueOf(seconds));
        throw new ApiException(429, "rate_limited", "The key '" + key.name() + "' made more than " + perMinute
            + " requests in a minute; retry in " + seconds + " s", null);
      }
    }
    ctx.attribute("caller", new Caller(key.id(), key.name(), key.roleValue()));
  }

  /** One audit line for an admin action: who (key id and name, never the secret), what, from where. */
  void audit(Context ctx, String action, String outcome) {
    Caller c = ctx.attribute("caller");
    audit.info("admin action={} outcome={} key={} name={} ip={}", action, outcome, c == null ? "-" : c.keyId(),
        c == null ? "(AUTH=off)" : c.name(), ctx.ip());
  }

  private Optional<ApiKeys.Key> verify(String token) {
    long now = nanos.getAsLong();
    Cached hit = cache.get(token);
    if (hit != null && hit.until() - now > 0) {
      return hit.key();
    }
    Optional<ApiKeys.Key> key;
    try {
      key = keys.verify(token);
    } catch (IOException | RuntimeException e) {
      throw ApiException.unavailable("The API keys cannot be checked: Elasticsearch could not answer");
    }
    if (cache.size() > MAX_CACHED) {
      cache.clear();
    }
    cache.put(token, new Cached(key, now + CACHE_NANOS));
    return key;
  }

  /** The key of {@code ApiKey <key>} or {@code Bearer <key>}; null when there is none. */
  static String token(String authorization) {
    if (authorization == null) {
      return null;
    }
    String a = authorization.strip();
    for (String scheme : new String[] {"ApiKey ", "Bearer "}) {
      if (a.regionMatches(true, 0, scheme, 0, scheme.length()) && a.length() > scheme.length()) {
        return a.substring(scheme.length()).strip();
      }
    }
    return null;
  }

  /** A token bucket: {@code perMinute} requests, refilled evenly over the minute. */
  static final class RateLimit {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long last;
    private boolean started;

    RateLimit(int perMinute) {
      this.capacity = perMinute;
      this.perNano = perMinute / 60e9;
      this.tokens = perMinute;
    }

    /** Takes one request; 0 when allowed, else the nanoseconds until the next one would be. */
    synchronized long take(long now) {
      if (started) {
        tokens = Math.min(capacity, tokens + (now - last) * perNano);
      }
      started = true;
      last = now;
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - tokens) / perNano);
    }
  }
}
