/**
 * The inputs of ranking: small immutable values read from the index ({@link
 * com.expat.search.ranking.signals.MemberSignals}, {@link
 * com.expat.search.ranking.signals.EventSignals}), whom the ranking is for ({@link
 * com.expat.search.ranking.signals.Viewer}) and corpus statistics ({@link
 * com.expat.search.ranking.signals.Corpus}).
 */
package com.expat.search.ranking.signals;
