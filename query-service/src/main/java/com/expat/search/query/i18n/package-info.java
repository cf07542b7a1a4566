/**
 * Answers in the asker's language: which language a request wants ({@code locale}, {@code
 * Accept-Language}), the catalog's label for it, and the ranking reasons in words. The ranking
 * module stays language-neutral; words are chosen here, where items are rendered.
 */
package com.expat.search.query.i18n;
