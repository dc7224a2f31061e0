/**
 * Measuring the tagger on real text: precision and recall against hand-labelled articles ({@link TagGold},
 * {@link TagScore}), and the plausibility of tags over a whole archive ({@link PlausibilityReport}). Pure functions of
 * articles and tags; {@link CorpusEvaluation} reads the corpus and prints the figures ({@code ./indexer.sh evaluate}).
 */
package io.akhbar.indexer.evaluation;
