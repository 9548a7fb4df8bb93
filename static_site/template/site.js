// @ts-check
/*
 * The static site's page: date slider, previous/next change, the district panel, notices,
 * downloads and the address (date, district, mode and data version; view_sync.js keeps map
 * centre, zoom and layers). The map is the dashboard's: FrontlinesMap.init from
 * mapui/map/district_layer.js, restyled with frontlines.apply / frontlines.showDay.
 * Data text is only ever set as textContent or attribute values, never parsed as HTML.
 */
(function () {
  "use strict";
  var urls = window.frontlinesViewUrl;
  var T = window.frontlinesTimeline;
  var D = window.frontlinesSiteData;
  var data = { changeAt: null };
  var chunks = {};
  var indexOf = {};
  // A district's panel shows its latest HISTORY_PAGE changes, more on request (as the dashboard's).
  var HISTORY_PAGE = 50;
  var current = { day: null, district: null, embed: false, historyRows: HISTORY_PAGE };
  var commitTimer = null;
  var frontlines = null;
  mark("script");

  // The first view's steps, as performance marks "site-<step>" (bench/site.py prints them).
  function mark(step) {
    if (window.performance && performance.mark) {
      performance.mark("site-" + step);
    }
  }

  function $(id) {
    return document.getElementById(id);
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) {
      node.textContent = text;
    }
    if (className) {
      node.className = className;
    }
    return node;
  }

  function fetchJson(path) {
    return fetch(path).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ": HTTP " + response.status);
      }
      return response.json();
    });
  }

  // ---- changes, fetched by chunks of districts -------------------------------------
  function chunkOf(index) {
    return Math.floor(index / data.config.changeChunk);
  }

  function loadChunk(number) {
    if (!chunks[number]) {
      chunks[number] = fetchJson("data/changes-" + number + ".json").then(function (rows) {
        chunks[number] = { rows: rows, first: data.timeline.offsets[number * data.config.changeChunk] };
        return chunks[number];
      });
    }
    return Promise.resolve(chunks[number]);
  }

  function loadAllChunks() {
    var count = Math.max(1, Math.ceil(data.districts.length / data.config.changeChunk));
    var all = [];
    for (var c = 0; c < count; c++) {
      all.push(loadChunk(c));
    }
    return Promise.all(all);
  }

  data.changeAt = function (k) {
    // the chunk holding change k: the last whose first change is at or before k
    var c = chunkOf(districtOfChange(k));
    var chunk = chunks[c];
    return chunk.rows[k - chunk.first];
  };

  function districtOfChange(k) {
    var offsets = data.timeline.offsets;
    var lo = 0;
    var hi = offsets.length - 1;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (offsets[mid + 1] <= k) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  // ---- the address ------------------------------------------------------------------
  function viewQuery() {
    return urls.merge(location.search, {
      date: T.isoOf(current.day),
      district: current.district,
      mode: current.embed ? "embed" : null,
      v: data.config.version,
    });
  }

  function writeUrl(push) {
    $("cite-view").textContent = citeView();
    var next = location.pathname + "?" + viewQuery() + location.hash;
    if (next !== location.pathname + location.search + location.hash) {
      history[push ? "pushState" : "replaceState"](null, "", next);
    }
  }

  function commitSoon() {
    // scrubbing coalesces into one history entry once the date has settled
    clearTimeout(commitTimer);
    commitTimer = setTimeout(function () { writeUrl(true); }, 350);
  }

  function notices(list) {
    var box = $("notices");
    box.textContent = "";
    list.forEach(function (text) {
      box.appendChild(el("div", text, "notice"));
    });
  }

  function readUrl() {
    var parsed = urls.parse(location.search);
    var view = parsed.view;
    var out = [];
    var start = T.dayOf(data.config.start);
    var end = T.dayOf(data.config.end);
    parsed.problems.forEach(function (p) {
      out.push("The link's " + p[0] + " was ignored: " + JSON.stringify(p[1]) + " is not valid.");
    });
    var day = view.date ? T.dayOf(view.date) : null;
    if (view.date && (day === null || T.isoOf(day) !== view.date)) {
      out.push("The link's date was ignored: " + view.date + " is not a real date.");
      day = null;
    } else if (day !== null && (day < start || day > end)) {
      out.push("The link's date was ignored: " + view.date + " is outside " + data.config.start + " to " + data.config.end + ".");
      day = null;
    }
    var district = view.district;
    if (district && !(district in indexOf)) {
      out.push("The link's district was ignored: " + district + " matches no district.");
      district = null;
    }
    if (view.v && view.v !== data.config.version) {
      out.unshift(
        "This link was made with data version " + view.v + "; the data has changed since, and the map shows the current data (version " +
          data.config.version + ")."
      );
    }
    current.day = day === null ? T.dayOf(data.config.opening) : day;
    current.district = district;
    current.embed = view.mode === "embed";
    document.body.classList.toggle("embed", current.embed);
    notices(out);
  }

  // ---- rendering ----------------------------------------------------------------------
  function renderDate() {
    var iso = T.isoOf(current.day);
    var slider = /** @type {HTMLInputElement} */ ($("date-slider"));
    if (Number(slider.value) !== current.day) {
      slider.value = String(current.day);
    }
    $("date-label").textContent = D.longDate(current.day);
    $("date-label").setAttribute("data-date", iso);
    var before = D.nearestChange(data.config.changeDays, current.day, -1);
    var after = D.nearestChange(data.config.changeDays, current.day, 1);
    /** @type {HTMLButtonElement} */ ($("previous-change")).disabled = before === null;
    /** @type {HTMLButtonElement} */ ($("next-change")).disabled = after === null;
    $("previous-change").dataset.day = before === null ? "" : before;
    $("next-change").dataset.day = after === null ? "" : after;
  }

  function paintMap() {
    if (!frontlines.showDay(current.day)) {
      frontlines.apply(T.codesAt(data.timeline, current.day, data.config.format), current.district, T.isoOf(current.day));
    }
  }

  function styleOf(status) {
    return data.config.styles[data.config.statuses.indexOf(status)];
  }

  function badge(status) {
    var style = styleOf(status);
    var span = el("span", style.label, "status-badge status-" + status);
    span.style.background = style.fillColor;
    span.style.color = style.textColor; // black or white, whichever contrasts more (mapui.palette)
    return span;
  }

  function sourceLinks(cell) {
    var box = el("span");
    cell.split(/\s+/).filter(Boolean).forEach(function (url, i) {
      if (i) {
        box.appendChild(document.createTextNode(" · "));
      }
      var label = /^https?:\/\//.test(url) ? D.hostLabel(url) : null;
      if (label) {
        var a = el("a", label);
        a.href = url;
        a.rel = "noopener";
        a.target = "_blank";
        box.appendChild(a);
      } else {
        box.appendChild(document.createTextNode(url));
      }
    });
    return box;
  }

  function renderPanel() {
    var panel = $("panel");
    if (!current.district) {
      panel.textContent = "";
      panel.appendChild(el("p", "Click a district on the map to see its names, its control history and the sources behind every change.", "hint"));
      return;
    }
    var index = indexOf[current.district];
    var wanted = current.district;
    loadChunk(chunkOf(index)).then(function () {
      if (current.district !== wanted) {
        return;
      }
      var d = data.districts[index];
      var row = D.stateRows({ timeline: sliceTimeline(index), districts: [d], changeAt: shiftedChangeAt(index), config: data.config }, current.day)[0];
      panel.textContent = "";
      panel.appendChild(el("h2", d.name_en));
      if (d.name_ar) {
        var ar = el("div", d.name_ar, "name-ar");
        ar.dir = "rtl";
        ar.lang = "ar";
        panel.appendChild(ar);
      }
      if (d.alt_names) {
        panel.appendChild(el("p", "Also known as: " + d.alt_names, "alt-names"));
      }
      if (d.name_note) {
        panel.appendChild(el("p", d.name_note, "name-note"));
      }
      var line = el("p", null, "district-status");
      line.appendChild(document.createTextNode("On " + $("date-label").textContent + ": "));
      line.appendChild(badge(row.status));
      line.appendChild(document.createTextNode(" since " + (row.source_url ? row.since : "the start of the record")));
      panel.appendChild(line);
      panel.appendChild(el("h3", "Control history"));
      var all = D.history(data, index);
      var earlier = Math.max(all.length - current.historyRows, 0);
      var changes = all.slice(earlier);
      if (!changes.length) {
        panel.appendChild(el("p", "No change of control is recorded for this district: it keeps the theatre's initial status throughout."));
      } else {
        var table = el("table", null, "history");
        var head = table.insertRow();
        var headings = ["Date", "Status", "What happened", "Confidence", "Sources"];
        headings.forEach(function (h) {
          head.appendChild(el("th", h));
        });
        // each cell names its column: on a phone the rows are cards, one line per cell (site.css)
        var cell = function (tr, column, child) {
          var td = typeof child === "string" ? el("td", child) : el("td");
          if (typeof child !== "string") {
            td.appendChild(child);
          }
          td.setAttribute("data-label", headings[column]);
          tr.appendChild(td);
        };
        changes.forEach(function (c) {
          var tr = table.insertRow();
          cell(tr, 0, D.preciseDate(c.date, c.date_precision));
          cell(tr, 1, badge(c.status));
          cell(tr, 2, c.note || "—");
          cell(tr, 3, c.confidence || "—");
          cell(tr, 4, sourceLinks(c.source_url));
        });
        panel.appendChild(table);
        if (earlier) {
          var more = el("button", "Show earlier changes (" + earlier + " not shown)", "history-earlier");
          more.type = "button";
          more.addEventListener("click", function () {
            current.historyRows += HISTORY_PAGE;
            renderPanel();
          });
          panel.insertBefore(more, table);
        }
      }
      var close = el("button", "Close details", "close-district");
      close.type = "button";
      close.addEventListener("click", function () { select(null); });
      panel.appendChild(close);
    });
  }

  // One district's part of the timelines, so stateRows answers for it alone.
  function sliceTimeline(index) {
    var t = data.timeline;
    var first = t.offsets[index];
    var last = t.offsets[index + 1];
    return { base_day: t.base_day, initial: t.initial, offsets: [0, last - first], days: t.days.slice(first, last), codes: t.codes.slice(first, last) };
  }

  function shiftedChangeAt(index) {
    var first = data.timeline.offsets[index];
    return function (k) { return data.changeAt(first + k); };
  }

  function render() {
    renderDate();
    paintMap();
    renderPanel();
  }

  // ---- reader actions -----------------------------------------------------------------
  function setDay(day, push) {
    current.day = day;
    renderDate();
    paintMap();
    if (current.district) {
      renderPanel();
    }
    if (push) {
      clearTimeout(commitTimer);
      writeUrl(true);
    } else {
      commitSoon();
    }
  }

  function select(id) {
    if (id !== current.district) {
      current.historyRows = HISTORY_PAGE;
    }
    current.district = id;
    frontlines.apply(T.codesAt(data.timeline, current.day, data.config.format), id, T.isoOf(current.day));
    renderPanel();
    clearTimeout(commitTimer);
    writeUrl(true);
  }

  function save(name, text, type) {
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([text], { type: type }));
    link.download = name;
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  // The map of the day as a picture to post: the districts and front line as drawn (the map's SVG,
  // without the tiles, which another host serves), the title, the date, the legend and the credit.
  /** One line to cite the view with the image: the title, the data version, the day and its link. */
  function citeView() {
    var link = location.origin + location.pathname + "?" + viewQuery();
    return "Cite this view: “" + data.config.title + "”, data version " + data.config.version + ", " +
      D.longDate(current.day) + ", " + link;
  }

  function downloadImage() {
    var panes = window.map.getPanes();
    var svg = panes.overlayPane.querySelector("svg");
    if (!svg) {
      return; // canvas mode (thousands of districts): no picture from the page
    }
    // the districts' drawing, then the front line's (a pane of its own, frontline.js), placed by their view boxes
    var front = window.map.getPane("frontlines-frontline");
    var layers = [svg].concat(front && front.querySelector("svg") ? [front.querySelector("svg")] : []);
    var width = 1080;
    var top = 150;
    var legendHeight = 40 * Math.ceil(data.config.styles.length / 3) + 20;
    // the view's extent, in the layer coordinates the drawings' view boxes use
    var corner = window.map.containerPointToLayerPoint([0, 0]);
    var size = window.map.getSize();
    var base = { x: corner.x, y: corner.y, width: size.x, height: size.y };
    var scale = width / base.width;
    var mapHeight = Math.round(base.height * scale);
    var canvas = document.createElement("canvas");
    canvas.width = width;
    canvas.height = top + mapHeight + legendHeight + 80;
    var g = /** @type {CanvasRenderingContext2D} */ (canvas.getContext("2d"));
    g.fillStyle = "#ffffff";
    g.fillRect(0, 0, canvas.width, canvas.height);
    g.fillStyle = "#111111";
    g.font = "bold 34px sans-serif";
    g.fillText(data.config.title, 30, 50);
    g.font = "bold 64px sans-serif";
    g.fillText(D.longDate(current.day), 30, 125);

    function finish() {
      var y = top + mapHeight + 30;
      g.font = "24px sans-serif";
      data.config.styles.forEach(function (style, i) {
        var x = 30 + (i % 3) * 340;
        var row = y + 40 * Math.floor(i / 3);
        g.fillStyle = style.fillColor;
        g.fillRect(x, row - 20, 26, 26);
        g.fillStyle = "#111111";
        g.fillText(style.label, x + 36, row);
      });
      g.font = "18px sans-serif";
      g.fillStyle = "#444444";
      g.fillText(data.config.title + " · data version " + data.config.version + " · " + data.config.licence, 30, canvas.height - 45);
      g.font = "14px sans-serif"; // the boundaries' and the evidence's credits, cut to the width
      var credit = data.config.attribution;
      while (credit.length > 20 && g.measureText(credit).width > width - 60) {
        credit = credit.slice(0, -12) + "…";
      }
      g.fillText(credit, 30, canvas.height - 20);
      canvas.toBlob(function (blob) {
        if (blob) {
          save(D.downloadName(data.config, data.config.downloads.image, T.isoOf(current.day)), blob, "image/png");
        }
      }, "image/png");
    }

    function draw(index) {
      if (index >= layers.length) {
        finish();
        return;
      }
      var layer = layers[index];
      var boxOf = layer.viewBox.baseVal;
      var copy = /** @type {SVGSVGElement} */ (layer.cloneNode(true));
      copy.setAttribute("xmlns", "http://www.w3.org/2000/svg");
      var image = new Image();
      image.onload = function () {
        g.save();
        g.beginPath();
        g.rect(0, top, width, mapHeight);
        g.clip(); // only the view's extent
        g.drawImage(image, (boxOf.x - base.x) * scale, top + (boxOf.y - base.y) * scale, boxOf.width * scale, boxOf.height * scale);
        g.restore();
        URL.revokeObjectURL(image.src);
        draw(index + 1);
      };
      image.src = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(copy)], { type: "image/svg+xml" }));
    }
    draw(0);
  }

  function downloadDay(format) {
    var iso = T.isoOf(current.day);
    var day = current.day;
    var needs = [loadAllChunks()];
    if (format === "geojson") {
      needs.push(Promise.resolve(data.shapes));
    }
    Promise.all(needs).then(function () {
      var rows = D.stateRows(data, day);
      if (format === "geojson") {
        save(D.downloadName(data.config, data.config.downloads.dayGeojson, iso), JSON.stringify(D.stateGeojson(data, rows, iso)), "application/geo+json");
      } else {
        save(D.downloadName(data.config, data.config.downloads.dayCsv, iso), D.toCsv(data.config.stateColumns, rows), "text/csv");
      }
    });
  }

  function wire() {
    var slider = /** @type {HTMLInputElement} */ ($("date-slider"));
    slider.min = String(T.dayOf(data.config.start));
    slider.max = String(T.dayOf(data.config.end));
    slider.addEventListener("input", function () { setDay(Number(slider.value), false); });
    ["previous-change", "next-change"].forEach(function (id) {
      $(id).addEventListener("click", function () {
        if ($(id).dataset.day) {
          setDay(Number($(id).dataset.day), true);
        }
      });
    });
    frontlines.layer.on("click", function (e) { select(e.layer.feature.properties.id); });
    window.addEventListener("popstate", function () {
      clearTimeout(commitTimer);
      readUrl();
      render();
    });
    $("download-geojson").addEventListener("click", function () { downloadDay("geojson"); });
    $("download-csv").addEventListener("click", function () { downloadDay("csv"); });
    $("download-image").addEventListener("click", downloadImage);
    var changes = /** @type {HTMLAnchorElement} */ ($("download-changes"));
    changes.href = "data/" + data.config.downloads.changes;
    changes.setAttribute("download", data.config.downloads.changes);
    if (data.config.downloads.timelapse) {
      var clip = /** @type {HTMLAnchorElement} */ ($("download-timelapse"));
      clip.href = "data/" + data.config.downloads.timelapse;
      clip.setAttribute("download", data.config.downloads.timelapse);
      clip.hidden = false;
    }
    $("version-line").textContent = "Data version " + data.config.version + (data.config.licence ? ", licence " + data.config.licence : "") + ".";
  }

  // A first-paint file written into the page (a small theatre's, static_site.build.INLINE_LIMIT): its
  // text, or null where the page holds none.
  function inlined(name) {
    var node = document.getElementById("site-data-" + name);
    return node ? node.textContent : null;
  }

  function loadJson(name, path) {
    var text = inlined(name);
    return text === null ? fetchJson(path) : new Promise(function (resolve) { resolve(JSON.parse(text)); });
  }

  function loadTimeline(path) {
    var text = inlined("timeline");
    if (text !== null) {
      return new Promise(function (resolve) { resolve(D.base64Buffer(text)); });
    }
    return fetch(path).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ": HTTP " + response.status);
      }
      return response.arrayBuffer();
    });
  }

  // The map's box settles after the page's layout (the panel stacks under the map on a phone,
  // fonts arrive, the phone turns): the map is told its real size each time, and while the reader
  // has not moved it, the city is fitted into the box again.
  function followTheBox(map, fitted) {
    var moved = !fitted;
    var box = map.getContainer();
    ["pointerdown", "wheel", "keydown", "touchstart"].forEach(function (kind) {
      box.addEventListener(kind, function () { moved = true; }, { passive: true });
    });
    var width = box.clientWidth;
    var height = box.clientHeight;
    new ResizeObserver(function () {
      if (box.clientWidth === width && box.clientHeight === height) {
        return;
      }
      width = box.clientWidth;
      height = box.clientHeight;
      map.invalidateSize({ pan: false });
      if (!moved && frontlines) {
        frontlines.fitCity(false);
      }
    }).observe(box);
  }

  function afterFirstView() {
    // The base map's tiles come from the network long after the districts are drawn: their
    // layer is laid out once the first view is, not before it.
    L.tileLayer("https://{s}.tile.openstreetmap.org/{z}/{x}/{y}.png", {
      maxZoom: 19,
      attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    }).addTo(window.map);
    writeUrl(false); // the address names the data version from the first view on
    window.frontlinesSite = { data: data, current: current, setDay: setDay, select: select };
    mark("settled");
  }

  // The configuration is in the page; the data too where the theatre is small, else it was
  // asked for by the page's head (preload) and these requests are answered from there. The map
  // starts once all of it is here, so the districts, their front line and names are drawn in
  // one task and appear in one frame.
  data.config = JSON.parse($("site-config").textContent);
  var frontline = data.config.overlays.frontline;
  var loads = [
    loadTimeline(data.config.timelineUrl),
    loadJson("districts", data.config.districtsUrl),
    loadJson("shapes", data.config.shapesUrl),
    // without it the districts still work: frontline.js asks again and gives up quietly
    frontline ? loadJson("frontline", frontline.url).catch(function () { return null; }) : null,
  ];
  Promise.all(loads)
    .then(function (loaded) {
      mark("data");
      data.timeline = D.decodeTimeline(loaded[0]);
      data.districts = loaded[1];
      data.shapes = loaded[2];
      data.districts.forEach(function (d, i) { indexOf[d.district_id] = i; });
      readUrl();
      // The map opens at the link's view where it has one (view_sync.js then finds it already
      // there), so the tiles are laid out once, for the view the reader sees.
      var linked = urls.parse(location.search).view.map;
      window.map = L.map("map", {
        center: linked ? [linked.lat, linked.lon] : data.config.center,
        zoom: linked ? linked.zoom : data.config.zoom,
        zoomControl: true,
      });
      L.control.scale().addTo(window.map);
      followTheBox(window.map, !linked);
      mark("map");
      // the front line, names, legend (on the map) and evidence layers: data.config.overlays
      frontlines = window.FrontlinesMap.init(Object.assign({}, data.config.overlays, {
        map: "map",
        styles: data.config.styles,
        fillOpacity: data.config.fillOpacity,
        lang: data.config.lang,
        text: data.config.mapText,
        format: data.config.format,
        unknownCode: data.config.unknownCode,
        shapes: data.shapes,
        frontline: frontline && loaded[3] ? Object.assign({}, frontline, { data: loaded[3] }) : frontline,
        timeline: data.timeline,
        view: { page: "self", share: { title: data.config.title, text: data.config.shareText } },
      }));
      mark("init");
      // after the overlays' own handlers: the names are drawn, then the districts coloured and the front line
      frontlines.on("shapes", function () { mark("names"); });
      var painted = false;
      frontlines.on("apply", function () {
        if (!painted) {
          painted = true;
          mark("painted");
        }
      });
      wire();
      render();
      // FrontlinesMap draws the first view in this task (the shapes arrive as a resolved
      // promise); what the reader does not see in it waits for the next task.
      setTimeout(afterFirstView, 0);
    })
    .catch(function (error) {
      notices(["The map's data could not be loaded (" + error.message + "). Reload the page to try again."]);
    });
})();
