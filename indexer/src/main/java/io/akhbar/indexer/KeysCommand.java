package io.akhbar.indexer;

import io.akhbar.core.ApiKeys;
import io.akhbar.core.Config;
import io.akhbar.core.ElasticsearchConnection;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ./indexer.sh keys create|list|revoke}: the API keys of the internal tools ({@code AUTH=keys}), stored hashed
 * in the cluster beside the articles ({@code <INDEX_ALIAS>-keys}). A new key is printed once, on standard output
 * alone, so a script can capture it; it cannot be shown again.
 */
@Command(name = "keys", description = "Create, list and revoke the API keys of the search API (AUTH=keys).",
    subcommands = {KeysCommand.Create.class, KeysCommand.ListKeys.class, KeysCommand.Revoke.class})
final class KeysCommand {

  private static ApiKeys keys(ElasticsearchConnection es) {
    return new ApiKeys(es.client(), Config.fromEnv().indexAlias());
  }

  @Command(name = "create", description = "Create a key; prints it once (store it: it cannot be shown again).")
  static final class Create implements Callable<Integer> {
    @Option(names = "--name", required = true, description = "Who uses it, e.g. newsroom-bot") String name;
    @Option(names = "--role", defaultValue = "search",
        description = "search (search, articles, facets, export) or admin (also re-tag); default: ${DEFAULT-VALUE}")
    String role;

    @Override
    public Integer call() throws Exception {
      ApiKeys.Role r = ApiKeys.Role.parse(role);
      try (ElasticsearchConnection es = IndexerMain.connect(Config.fromEnv())) {
        ApiKeys.Issued issued = keys(es).create(name, r);
        System.err.println("keys: created '" + issued.key().name() + "' (id " + issued.key().id() + ", role " + r.id()
            + "); send it as 'Authorization: ApiKey <key>'. It is shown once:");
        System.out.println(issued.token());
        return IndexerMain.EXIT_OK;
      }
    }
  }

  @Command(name = "list", description = "List the keys (never their secrets).")
  static final class ListKeys implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
      try (ElasticsearchConnection es = IndexerMain.connect(Config.fromEnv())) {
        System.out.println("id\tname\trole\tcreated_at\trevoked_at");
        for (ApiKeys.Key k : keys(es).list()) {
          System.out.println(k.id() + "\t" + k.name() + "\t" + k.role() + "\t" + k.createdAt() + "\t"
              + (k.revokedAt() == null ? "-" : k.revokedAt()));
        }
        return IndexerMain.EXIT_OK;
      }
    }
  }

  @Command(name = "revoke", description = "Revoke a key by id or name (the API refuses it within 10 seconds).")
  static final class Revoke implements Callable<Integer> {
    @Parameters(paramLabel = "ID_OR_NAME") String key;

    @Override
    public Integer call() throws Exception {
      try (ElasticsearchConnection es = IndexerMain.connect(Config.fromEnv())) {
        if (!keys(es).revoke(key)) {
          throw new IllegalArgumentException("no live key with id or name '" + key + "' (see ./indexer.sh keys list)");
        }
        System.err.println("keys: revoked '" + key + "'");
        return IndexerMain.EXIT_OK;
      }
    }
  }
}
