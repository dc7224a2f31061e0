package io.akhbar.core;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import java.io.IOException;
import java.io.StringReader;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The small side indices of the product beside the articles ({@code <alias>-keys}, {@code <alias>-saved}): one
 * shard, a replica wherever a second node exists, a strict mapping; created on first use, by whichever process
 * gets there first.
 */
public final class SmallIndex {

  private static final SecureRandom RANDOM = new SecureRandom();

  private SmallIndex() {}

  public static boolean exists(ElasticsearchClient client, String index) throws IOException {
    return client.indices().exists(e -> e.index(index)).value();
  }

  /** Creates the index with these field properties (a JSON object) unless it exists. */
  public static void ensure(ElasticsearchClient client, String index, String properties) throws IOException {
    if (exists(client, index)) {
      return;
    }
    String body = "{\"settings\":{\"index\":{\"number_of_shards\":1,\"auto_expand_replicas\":\"0-1\"}},"
        + "\"mappings\":{\"dynamic\":\"strict\",\"properties\":" + properties + "}}";
    try {
      client.indices().create(c -> c.index(index).withJson(new StringReader(body)));
    } catch (ElasticsearchException e) {
      if (!"resource_already_exists_exception".equals(e.error().type())) {
        throw e;
      }
    }
  }

  /** A random URL-safe token of {@code bytes} random bytes (ids, secrets). */
  public static String randomToken(int bytes) {
    byte[] b = new byte[bytes];
    RANDOM.nextBytes(b);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
  }
}
