/**
 * Pure parsing of scraped news pages: no Elasticsearch, no I/O.
 *
 * <ul>
 *   <li>{@link io.akhbar.indexer.parse.PageParser#parse(String)} — raw page text to a
 *       {@link io.akhbar.indexer.parse.ParsedPage} (title, body, publication date, language);
 *   <li>{@link io.akhbar.indexer.parse.DateExtractor} — publication date from datelines, and a
 *       lenient {@code parseDate} for metadata fields;
 *   <li>{@link io.akhbar.indexer.parse.LanguageDetector} — "ar", "en", "ku" or "und" by script;
 *   <li>{@link io.akhbar.indexer.parse.BoilerplateRules} — which lines are page furniture, and why.
 * </ul>
 * Nothing here throws on any text input; the rules are documented on each class.
 */
package io.akhbar.indexer.parse;
