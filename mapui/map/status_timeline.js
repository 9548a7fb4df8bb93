// @ts-check
/*
 * Status at a day from a theatre's compact timelines: the browser's side of
 * geo.Theatre.status_codes_at / low_confidence_at. Pure functions, no DOM: the map
 * script (district_layer.js) and the static site use them in the page, and the
 * Node tests (tests/js/) hold them equal to geo on every day of the Aleppo data.
 *
 * A timeline is geo.Theatre.timelines() as JSON:
 *   {base_day, initial, offsets: [N + 1 ints], days: [...], codes: "..."}
 * where district i's changes are offsets[i]..offsets[i+1]-1, days counts from
 * base_day (ascending per district) and codes has one status character per change.
 *
 * A status character is a status code (an index into geo.statuses.STATUSES) added to
 * a base: format.stated for a stated status ("0", "1", ...) or format.low where the
 * status rests on a change of low confidence ("a", "b", ...). `format` is
 * geo.statuses.STATUS_CHAR_BASES, passed in by the page: this file defines no base.
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.frontlinesTimeline = api;
  }
})(/** @type {Window} */ (typeof self !== "undefined" ? self : this), function () {
  "use strict";
  var MS_PER_DAY = 86400000;

  /** Day number (days since 1970-01-01) of an ISO date "YYYY-MM-DD", or null. */
  function dayOf(iso) {
    if (!iso) {
      return null;
    }
    var ms = Date.parse(iso + "T00:00:00Z");
    return isFinite(ms) ? Math.round(ms / MS_PER_DAY) : null;
  }

  /** ISO date "YYYY-MM-DD" of a day number. */
  function isoOf(day) {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  }

  /** {code, low} of one status character code (a number from String.charCodeAt). */
  function decode(charCode, format) {
    return { code: codeOf(charCode, format), low: charCode >= format.low };
  }

  /** The status code alone of one status character code: no object made (a frame's loop). */
  function codeOf(charCode, format) {
    return charCode >= format.low ? charCode - format.low : charCode - format.stated;
  }

  /**
   * Per district, the index (into days and codes) of its last change on or before `day`, or -1
   * where it has none yet: the one look-up behind codesAt and the static site's state table.
   */
  function latestAt(timeline, day) {
    var t = timeline;
    var count = t.offsets.length - 1;
    var rel = day - t.base_day;
    var out = new Int32Array(count);
    for (var i = 0; i < count; i++) {
      // binary search in district i's ascending days
      var first = t.offsets[i];
      var lo = first;
      var hi = t.offsets[i + 1];
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (t.days[mid] <= rel) {
          lo = mid + 1;
        } else {
          hi = mid;
        }
      }
      out[i] = lo > first ? lo - 1 : -1;
    }
    return out;
  }

  /** The status character of every district on `day`, as one string (the map's input). */
  function codesAt(timeline, day, format) {
    var latest = latestAt(timeline, day);
    var initial = String.fromCharCode(format.stated + timeline.initial);
    var out = new Array(latest.length);
    for (var i = 0; i < latest.length; i++) {
      out[i] = latest[i] >= 0 ? timeline.codes.charAt(latest[i]) : initial;
    }
    return out.join("");
  }

  return { dayOf: dayOf, isoOf: isoOf, decode: decode, codeOf: codeOf, latestAt: latestAt, codesAt: codesAt };
});
