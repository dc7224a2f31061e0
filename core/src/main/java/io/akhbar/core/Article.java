package io.akhbar.core;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An article as stored in the index (field names are the mapping's, in {@code mappings/mappings.json}).
 * {@code publishedAt} is null when the page gives no publication date: we store none rather than guess.
 * {@code taggedBy} names the tagger version and gazetteer content that computed the tags ({@code Tagger#taggedBy}),
 * {@code taggedAt} when (the indexing, or the re-tag that changed them). {@code story} groups the copies of one text
 * (wire copies, re-crawls): the search collapses them to one hit.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Article(
    @JsonProperty("id") String id,
    @JsonProperty("title") String title,
    @JsonProperty("body") String body,
    @JsonProperty("published_at") LocalDate publishedAt,
    @JsonProperty("language") String language,
    @JsonProperty("source") String source,
    @JsonProperty("url") String url,
    @JsonProperty("provinces") List<String> provinces,
    @JsonProperty("districts") List<String> districts,
    @JsonProperty("actors") List<String> actors,
    @JsonProperty("content_hash") String contentHash,
    @JsonProperty("indexed_at") Instant indexedAt,
    @JsonProperty("tagged_by") String taggedBy,
    @JsonProperty("tagged_at") Instant taggedAt,
    @JsonProperty("story") String story,
    @JsonProperty("story_keys") List<String> storyKeys) {

  public Article {
    provinces = provinces == null ? List.of() : List.copyOf(provinces);
    districts = districts == null ? List.of() : List.copyOf(districts);
    actors = actors == null ? List.of() : List.copyOf(actors);
    storyKeys = storyKeys == null ? List.of() : List.copyOf(storyKeys);
  }

  /**
   * The same article in a story: the id of the first article it copies (its own id when none), and the keys its
   * later copies find it by (the indexer's {@code StoryFinder}).
   */
  public Article withStory(String storyId, List<String> keys) {
    return new Article(id, title, body, publishedAt, language, source, url, provinces, districts, actors, contentHash,
        indexedAt, taggedBy, taggedAt, storyId, keys);
  }

  // The English fields: the text again, only for an article detected as English, so that English analysis costs
  // nothing on the Arabic articles that are most of an archive. Written, never read back (the text is title and
  // body). The Sorani subfields stay on every article: on Arabic text they act as a second normalization the
  // relevance report measured (dropping them too cost 0.004 nDCG@10).

  @JsonProperty("title_en")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  String titleEn() {
    return "en".equals(language) ? title : null;
  }

  @JsonProperty("body_en")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  String bodyEn() {
    return "en".equals(language) ? body : null;
  }
}
