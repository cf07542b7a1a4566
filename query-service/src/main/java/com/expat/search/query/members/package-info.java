/**
 * Members as answers show them (items, pages, facets), member look-up by id, and the privacy
 * filters every member query applies ({@link com.expat.search.query.members.Visibility}).
 */
package com.expat.search.query.members;
