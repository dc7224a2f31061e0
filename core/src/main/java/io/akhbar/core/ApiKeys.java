package io.akhbar.core;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.Refresh;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API keys of the internal tools, kept in a small index of the cluster ({@code <alias>-keys}): a key is
 * {@code akh_<id>.<secret>}, shown once when it is created; the index holds its id, name, role and the SHA-256 of the
 * secret (a 192-bit random secret needs no slow hash), never the secret itself. Revoking marks the key; a revoked key
 * never verifies again.
 */
public final class ApiKeys {

  /** What a key may do: {@code search} the search, article, facet and export endpoints; {@code admin} also re-tag. */
  public enum Role {
    SEARCH, ADMIN;

    public static Role parse(String raw) {
      for (Role r : values()) {
        if (r.name().equalsIgnoreCase(raw == null ? "" : raw.strip())) {
          return r;
        }
      }
      throw new IllegalArgumentException("--role must be search or admin, not '" + raw + "'");
    }

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A stored key, without its secret. */
  public record Key(@JsonProperty("id") String id, @JsonProperty("name") String name, @JsonProperty("role") String role,
      @JsonProperty("secret_sha256") String secretSha256, @JsonProperty("created_at") Instant createdAt,
      @JsonProperty("revoked_at") Instant revokedAt) {

    public Role roleValue() {
      return Role.parse(role);
    }

    public boolean revoked() {
      return revokedAt != null;
    }
  }

  /** A key just created: the token to hand over (shown once) and what is stored. */
  public record Issued(String token, Key key) {}

  private static final Pattern TOKEN = Pattern.compile("akh_([A-Za-z0-9_-]{12})\\.([A-Za-z0-9_-]{32})");
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

  private final ElasticsearchClient client;
  private final String index;

  public ApiKeys(ElasticsearchClient client, String alias) {
    this.client = client;
    this.index = alias + "-keys";
  }

  public String index() {
    return index;
  }

  public Issued create(String name, Role role) throws IOException {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("--name must be 1 to 64 lowercase letters, digits, '.', '_' or '-' (e.g."
          + " newsroom-bot), not '" + name + "'");
    }
    if (find(name).filter(k -> !k.revoked()).isPresent()) {
      throw new IllegalArgumentException("A key named '" + name + "' exists already; revoke it first or pick another name");
    }
    ensureIndex();
    String id = SmallIndex.randomToken(9);
    String secret = SmallIndex.randomToken(24);
    Key key = new Key(id, name, role.id(), sha256(secret), Instant.now(), null);
    client.index(i -> i.index(index).id(id).document(key).opType(co.elastic.clients.elasticsearch._types.OpType.Create)
        .refresh(Refresh.True));
    return new Issued("akh_" + id + "." + secret, key);
  }

  /** Every key, revoked ones included, oldest first. */
  public List<Key> list() throws IOException {
    if (!SmallIndex.exists(client, index)) {
      return List.of();
    }
    List<Key> keys = new ArrayList<>();
    client.search(s -> s.index(index).size(10_000), Key.class).hits().hits().forEach(h -> keys.add(h.source()));
    keys.sort(java.util.Comparator.comparing(Key::createdAt));
    return keys;
  }

  /** Revokes the key with this id or name; false when there is none (or it was revoked already). */
  public boolean revoke(String idOrName) throws IOException {
    Optional<Key> key = find(idOrName);
    if (key.isEmpty() || key.get().revoked()) {
      return false;
    }
    Key k = key.get();
    client.index(i -> i.index(index).id(k.id())
        .document(new Key(k.id(), k.name(), k.role(), k.secretSha256(), k.createdAt(), Instant.now())).refresh(Refresh.True));
    return true;
  }

  /** The live key a token stands for; empty when it is malformed, unknown, wrong or revoked. */
  public Optional<Key> verify(String token) throws IOException {
    Matcher m = TOKEN.matcher(token == null ? "" : token.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Key key;
    try {
      var got = client.get(g -> g.index(index).id(m.group(1)), Key.class);
      if (!got.found() || got.source() == null) {
        return Optional.empty();
      }
      key = got.source();
    } catch (ElasticsearchException e) {
      if ("index_not_found_exception".equals(e.error().type())) {
        return Optional.empty(); // no key was ever created
      }
      throw e;
    }
    boolean same = MessageDigest.isEqual(sha256(m.group(2)).getBytes(StandardCharsets.US_ASCII),
        key.secretSha256().getBytes(StandardCharsets.US_ASCII));
    return same && !key.revoked() ? Optional.of(key) : Optional.empty();
  }

  /** The key with this id or name: the live one when a revoked key had the same name. */
  private Optional<Key> find(String idOrName) throws IOException {
    List<Key> matching = list().stream().filter(k -> k.id().equals(idOrName) || k.name().equals(idOrName)).toList();
    return matching.stream().filter(k -> !k.revoked()).findFirst().or(() -> matching.stream().findFirst());
  }

  private void ensureIndex() throws IOException {
    SmallIndex.ensure(client, index, "{\"id\":{\"type\":\"keyword\"},\"name\":{\"type\":\"keyword\"},"
        + "\"role\":{\"type\":\"keyword\"},\"secret_sha256\":{\"type\":\"keyword\",\"index\":false},"
        + "\"created_at\":{\"type\":\"date\"},\"revoked_at\":{\"type\":\"date\"}}");
  }

  static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
