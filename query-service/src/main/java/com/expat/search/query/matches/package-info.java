/** {@code GET /v1/members/{id}/matches}: people a member may want to meet. */
package com.expat.search.query.matches;
