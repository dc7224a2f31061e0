package io.akhbar.api;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import io.akhbar.gazetteer.Gazetteer;
import java.util.List;
import java.util.Map;

/**
 * The bench's door into the API's package-private parts ({@link Names}, {@link SearchService#nameBoosts}), so that
 * the direct-to-node requests are exactly the ones the API sends. Lives in the bench module only.
 */
public final class BenchAccess {

  private BenchAccess() {}

  /** The service exactly as {@code SearchApiMain} assembles it. */
  public static SearchService searchService(ElasticsearchClient client, String alias, Gazetteer gazetteer) {
    return new SearchService(client, alias, new Names(gazetteer), new NameBoosts(gazetteer));
  }

  /** The parameters as the API parses them from a query string. */
  public static SearchParams parse(Map<String, List<String>> query, SearchService service) {
    return SearchParams.parse(query, service.knownIds());
  }

  /** The request {@link SearchService#search} sends for these parameters. */
  public static SearchRequest request(SearchService service, String alias, SearchParams p) {
    return new SearchQueryBuilder(alias).search(p, service.nameBoosts(p.q()));
  }
}
