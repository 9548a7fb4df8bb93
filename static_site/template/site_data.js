// @ts-check
/*
 * The static site's data logic, pure (no DOM): the timelines read from static_site.build's binary file,
 * the state table of a day (the columns of `python -m geo state`), as CSV and as GeoJSON
 * (equal to geo.export's files), the nearest change days and a day's long English date. The status look-up is status_timeline.js's latestAt: the change each
 * district's status rests on is found once, the same way the map finds it.
 * tests/js/site_data.test.js holds the outputs equal to geo's.
 *
 * `data` holds config, timeline, districts and shapes (the files static_site.build writes) and
 * changeAt(k): change k of the timelines as [date, date_precision, status, confidence, note,
 * source_url] (the site loads those files by chunks of districts).
 */
(function (root, factory) {
  "use strict";
  var api = factory(
    typeof module === "object" && module.exports
      ? require("../../mapui/map/status_timeline.js")
      : root.frontlinesTimeline
  );
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.frontlinesSiteData = api;
  }
})(/** @type {Window} */ (typeof self !== "undefined" ? self : this), function (timelineApi) {
  "use strict";
  var CHANGE = { date: 0, precision: 1, status: 2, confidence: 3, note: 4, sourceUrl: 5 };
  var HEADER_BYTES = 24;
  var LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

  /**
   * The timelines from static_site.build.timeline_bytes' file (an ArrayBuffer) as status_timeline.js
   * reads them: {base_day, initial, offsets, days, codes}, offsets and days typed arrays over
   * the file's own bytes (no number is parsed), codes a string.
   */
  function decodeTimeline(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes.length < HEADER_BYTES || String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]) !== "FLT1") {
      throw new Error("the timelines file is not in the expected format (FLT1)");
    }
    var view = new DataView(buffer);
    var head = [];
    for (var h = 4; h < HEADER_BYTES; h += 4) {
      head.push(view.getInt32(h, true));
    }
    var count = head[0];
    var changes = head[1];
    var dayBytes = head[4];
    var size = HEADER_BYTES + 4 * (count + 1) + (dayBytes + 1) * changes;
    if (size !== bytes.length || (dayBytes !== 2 && dayBytes !== 4)) {
      throw new Error("the timelines file is " + bytes.length + " bytes long, not " + size);
    }
    var at = HEADER_BYTES;
    var offsets = ints(view, at, count + 1, 4);
    at += 4 * (count + 1);
    var days = ints(view, at, changes, dayBytes);
    at += dayBytes * changes;
    var codes = "";
    for (var k = at; k < bytes.length; k += 8192) { // in slices: apply() takes a bounded argument list
      codes += String.fromCharCode.apply(null, bytes.subarray(k, Math.min(k + 8192, bytes.length)));
    }
    return { base_day: head[2], initial: head[3], offsets: offsets, days: days, codes: codes };
  }

  /** The bytes of base64 text (static_site.build writes a small theatre's timelines into the page so), as an ArrayBuffer. */
  function base64Buffer(text) {
    var raw = atob(text.trim());
    var bytes = new Uint8Array(raw.length);
    for (var i = 0; i < raw.length; i++) {
      bytes[i] = raw.charCodeAt(i);
    }
    return bytes.buffer;
  }

  // little-endian int32 (size 4) or uint16 (size 2) numbers: a view where the machine agrees
  function ints(view, at, length, size) {
    var Type = size === 4 ? Int32Array : Uint16Array;
    if (LITTLE_ENDIAN) {
      return new Type(view.buffer, at, length);
    }
    var out = new Type(length);
    for (var i = 0; i < length; i++) {
      out[i] = size === 4 ? view.getInt32(at + 4 * i, true) : view.getUint16(at + 2 * i, true);
    }
    return out;
  }

  var WEEKDAYS = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"]; // day 0 was a Thursday
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December"];

  /** "Tuesday, 01 January 2013" for a day number (as en-GB writes it, without Intl's slow first call). */
  function longDate(day) {
    var date = new Date(day * 86400000);
    var dd = date.getUTCDate();
    return WEEKDAYS[((day % 7) + 7) % 7] + ", " + (dd < 10 ? "0" : "") + dd + " " + MONTHS[date.getUTCMonth()] + " " +
      date.getUTCFullYear();
  }

  /** A date from the data with the precision it has, as the dashboard writes it in English
   * ("Jul 2016 (day unknown)", never an invented day); tests/precise_date_cases.json holds the two equal. */
  function preciseDate(iso, precision) {
    var parts = iso.split("-").map(Number);
    var month = MONTHS[parts[1] - 1].slice(0, 3);
    if (precision === "year") {
      return parts[0] + " (month unknown)";
    }
    if (precision === "month") {
      return month + " " + parts[0] + " (day unknown)";
    }
    var day = parts[2] + " " + month + " " + parts[0];
    return precision === "days" ? day + " (over several days)" : day;
  }

  /** Every district on a day: objects with config.stateColumns, in the order of the shapes. */
  function stateRows(data, day) {
    var latest = timelineApi.latestAt(data.timeline, day);
    var rows = new Array(latest.length);
    for (var i = 0; i < latest.length; i++) {
      var d = data.districts[i];
      var change = latest[i] >= 0 ? data.changeAt(latest[i]) : null;
      rows[i] = {
        district_id: d.district_id,
        name_en: d.name_en,
        name_ar: d.name_ar,
        alt_names: d.alt_names,
        status: change ? change[CHANGE.status] : data.config.initialStatus,
        since: change ? change[CHANGE.date] : data.config.start,
        date_precision: change ? change[CHANGE.precision] : "",
        confidence: change ? change[CHANGE.confidence] : "",
        source_url: change ? change[CHANGE.sourceUrl] : "",
      };
    }
    return rows;
  }

  /** One district's changes in date order, as objects. */
  function history(data, index) {
    var out = [];
    for (var k = data.timeline.offsets[index]; k < data.timeline.offsets[index + 1]; k++) {
      var c = data.changeAt(k);
      out.push({
        date: c[CHANGE.date],
        date_precision: c[CHANGE.precision],
        status: c[CHANGE.status],
        confidence: c[CHANGE.confidence],
        note: c[CHANGE.note],
        source_url: c[CHANGE.sourceUrl],
      });
    }
    return out;
  }

  /** A text cell a spreadsheet would run as a formula gets a leading "'" (geo.export.spreadsheet_cell). */
  function spreadsheetCell(value) {
    return typeof value === "string" && /^[=+\-@\t\r]/.test(value) ? "'" + value : value;
  }

  function csvField(value) {
    var cell = spreadsheetCell(value);
    var text = cell === null || cell === undefined ? "" : String(cell);
    return /[",\n\r]/.test(text) ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  /** CSV text as pandas writes it (minimal quoting, "\n" line ends). */
  function toCsv(columns, rows) {
    var lines = [columns.map(csvField).join(",")];
    rows.forEach(function (row) {
      lines.push(columns.map(function (c) { return csvField(row[c]); }).join(","));
    });
    return lines.join("\n") + "\n";
  }

  /** The day as GeoJSON: the shapes with the state columns as properties, and the metadata. */
  function stateGeojson(data, rows, iso) {
    var columns = data.config.stateColumns;
    return {
      type: "FeatureCollection",
      title: data.config.title,
      date: iso,
      data_version: data.config.version,
      licence: data.config.licence,
      attribution: data.config.attribution,
      features: data.shapes.features.map(function (f, i) {
        var properties = {};
        columns.forEach(function (c) { properties[c] = rows[i][c]; });
        return { type: "Feature", properties: properties, geometry: f.geometry };
      }),
    };
  }

  /** The nearest change day before (direction -1) or after (+1) `day`, or null. */
  function nearestChange(changeDays, day, direction) {
    var lo = 0;
    var hi = changeDays.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (direction < 0 ? changeDays[mid] < day : changeDays[mid] <= day) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    var index = direction < 0 ? lo - 1 : lo;
    return index >= 0 && index < changeDays.length ? changeDays[index] : null;
  }

  /** How a source link is labelled: its host without "www.", or null where the browser cannot parse
   * it (validation accepts no such URL: tests/url_host_cases.json holds the two to that). */
  function hostLabel(url) {
    try {
      return new URL(url).hostname.replace(/^www\./, "") || null;
    } catch {
      return null;
    }
  }

  /** A download's file name for a day, from the names static_site.build wrote with a placeholder date. */
  function downloadName(config, template, iso) {
    return template.replace(config.datePlaceholder, iso);
  }

  return {
    decodeTimeline: decodeTimeline,
    base64Buffer: base64Buffer,
    longDate: longDate,
    stateRows: stateRows,
    history: history,
    toCsv: toCsv,
    spreadsheetCell: spreadsheetCell,
    hostLabel: hostLabel,
    preciseDate: preciseDate,
    stateGeojson: stateGeojson,
    nearestChange: nearestChange,
    downloadName: downloadName,
  };
});
