/**
 * The query service: {@link com.expat.search.query.QueryServiceMain} (command line) builds a
 * {@link com.expat.search.query.QueryService} from a {@link com.expat.search.query.QueryServiceConfig};
 * features live in sub-packages by what they answer.
 */
package com.expat.search.query;
