package com.expat.search.workbench;

import com.expat.search.common.ExpatSearchException;

/** A parameter of the page's URL or form is wrong; the page says which and why (400). */
final class BadRequest extends ExpatSearchException {
  BadRequest(String message) {
    super(message);
  }
}
