// @ts-check
/*
 * The page around the map, read in one place. In the dashboard the map is drawn inside
 * streamlit-folium's iframe in Streamlit's page: its files are addressed from that page's base
 * URL, and the date slider it follows is Streamlit's, found by the class Streamlit gives a keyed
 * widget's container (`st-key-<key>`) and read as Streamlit's date slider stores its value (in
 * microseconds since 1970). In the static site the map is in the page itself (`parent` is the
 * window). Nothing else in the map's code knows of Streamlit's page; tests/test_upstream.py
 * checks these assumptions against the installed Streamlit.
 */
(function (root, factory) {
  "use strict";
  var api = factory(root);
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.frontlinesHost = api;
  }
})(/** @type {Window} */ (typeof self !== "undefined" ? self : this), function (root) {
  "use strict";
  var MICROSECONDS_PER_DAY = 86400000000;
  var SLIDER_SELECTOR = ".st-key-{key} input[type=range]";

  /** @param {Window} [page] the map's window (default: this one) @returns {Document} */
  function hostDocument(page) {
    return (page || root).parent.document;
  }

  /** The URL the map's files are addressed from: the hosting page's base URL. */
  function baseURI(page) {
    return hostDocument(page).baseURI;
  }

  /** The day number (days since 1970-01-01) Streamlit's date slider with `key` shows, or null. */
  function sliderDay(key, page) {
    var input = /** @type {HTMLInputElement | null} */ (
      hostDocument(page).querySelector(SLIDER_SELECTOR.replace("{key}", key))
    );
    var micros = input ? Number(input.value) : NaN;
    return isFinite(micros) ? Math.round(micros / MICROSECONDS_PER_DAY) : null;
  }

  /** Call `fn` whenever a value attribute changes anywhere in the hosting page (a slider moved). */
  function observeSliders(fn, page) {
    var observer = new MutationObserver(fn);
    observer.observe(hostDocument(page).body, { subtree: true, attributes: true, attributeFilter: ["value"] });
    return observer;
  }

  return {
    baseURI: baseURI,
    sliderDay: sliderDay,
    observeSliders: observeSliders,
    SLIDER_SELECTOR: SLIDER_SELECTOR,
    MICROSECONDS_PER_DAY: MICROSECONDS_PER_DAY,
  };
});
