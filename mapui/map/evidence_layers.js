// @ts-check
/*
 * Evidence layers over the control map (damage sites, damage density, heritage sites): off
 * by default, one click on their box in the legend to switch on, fetched the first time.
 * Switching a layer never rebuilds the map; a scrub only adds or removes the dated points
 * that the new date crosses.
 *
 * options.layers: one object per layer, geo.layers.EvidenceLayer.payload() without its data
 * plus `url` (a static file with the full payload) or `data` (the payload inline):
 *   points layers: lon, lat, cat (category index), day (day numbers, ascending; null when
 *                  undated), label (names; null when unnamed)
 *   density layers: counts (per district, per category), area_km2 (per district)
 *
 * options.evidenceText: the interface text, in the interface language (components.map_view):
 *   {heading, loading, structures, shown, shownBy, perKm2, firstSeen}; counts are objects of
 *   CLDR plural forms ({one, other, ...}) with {count} (and {date}) fields. The layers' own
 *   titles, notes and category names are data, shown as the data has them (marked English
 *   in another interface language).
 *
 * Pure part (node --test):
 *   shownCount(days, day)     how many points of an ascending day list are on or before day
 *   densityRadius(v, max)     circle radius in pixels for a density v (structures per km²)
 *   fill(entry, values, lang) the text of a catalogue entry: its plural form for values.count
 *                             (Intl.PluralRules of lang), with its {fields} filled
 *
 * Browser part, attach(L, map, frontlines, options, container):
 *   each point is an SVG circle with the classes "evidence evidence-<layer id>"; each layer's
 *   legend entry has an element ".evidence-count" (data-layer=<id>) saying how many are shown.
 *   It adds to window.frontlines:
 *     layers()            ids of the layers switched on, in legend order
 *     setLayers(ids)      switch exactly these on (unknown ids are ignored)
 *     on("layers", fn)    fn(ids) after every change, by the user or by setLayers
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.frontlinesEvidence = api;
  }
})(/** @type {Window} */ (typeof self !== "undefined" ? self : this), function () {
  "use strict";

  function shownCount(days, day) {
    var lo = 0;
    var hi = days.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (days[mid] <= day) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  function densityRadius(value, max) {
    return max > 0 && value > 0 ? 3 + 17 * Math.sqrt(value / max) : 0;
  }

  function fill(entry, values, lang) {
    var text = entry;
    if (typeof entry !== "string") {
      var form = new Intl.PluralRules(lang).select(values.count);
      text = entry[form] !== undefined ? entry[form] : entry.other;
    }
    return text.replace(/\{(\w+)\}/g, function (whole, name) {
      if (!(name in values)) {
        return whole;
      }
      return typeof values[name] === "number" ? values[name].toLocaleString("en") : String(values[name]);
    });
  }

  function escapeHtml(text) {
    var div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  function attach(L, map, frontlines, options, container) {
    var layers = options.layers || [];
    var text = options.evidenceText;
    var lang = options.lang || "en";

    function say(key, values) {
      return fill(text[key], values || {}, lang);
    }

    // text from the data is English: marked so in another interface language
    function dataText(element, value) {
      element.textContent = value;
      if (lang !== "en") {
        element.lang = "en";
        element.dir = "ltr";
      }
      return element;
    }
    var renderer = L.svg({ pane: "frontlines-evidence" });
    var pane = map.createPane("frontlines-evidence");
    pane.style.zIndex = 455;
    var features = null; // the districts' GeoJSON features, for label points and names
    var state = {};

    layers.forEach(function (spec) {
      state[spec.id] = { spec: spec, on: false, data: null, group: null, markers: [], shown: 0, loading: null };
    });

    function countText(s) {
      var spec = s.spec;
      if (!s.on) {
        return "";
      }
      if (!s.data) {
        return say("loading");
      }
      if (spec.kind === "density") {
        var total = 0;
        s.data.counts.forEach(function (row) {
          row.forEach(function (n) {
            total += n;
          });
        });
        return say("structures", { count: total });
      }
      return spec.date_property
        ? say("shownBy", { count: s.shown, date: frontlines.date || "" })
        : say("shown", { count: s.shown });
    }

    function updateCount(s) {
      s.countBox.textContent = countText(s);
      s.countBox.setAttribute("data-count", s.data ? String(s.spec.kind === "density" ? s.densityCount : s.shown) : "");
    }

    function pointMarker(s, i) {
      if (!s.markers[i]) {
        var d = s.data;
        var category = s.spec.categories[d.cat[i]];
        s.markers[i] = L.circleMarker([d.lat[i], d.lon[i]], {
          renderer: renderer,
          className: "evidence evidence-" + s.spec.id,
          radius: s.spec.label_property ? 5 : 3.5,
          color: "#ffffff",
          weight: 1,
          fillColor: category ? category.color : "#555555",
          fillOpacity: 0.95,
        });
        s.markers[i].evidenceIndex = i;
      }
      return s.markers[i];
    }

    function tooltipFor(s) {
      return function (layer) {
        var d = s.data;
        var box = document.createElement("div");
        var i = layer.evidenceIndex;
        var lines = [];
        if (s.spec.kind === "density") {
          var f = features[layer.districtIndex];
          var p = f.properties;
          lines.push(lang === "ar" && p.name_ar ? p.name_ar : p.name_en);
          var row = d.counts[layer.districtIndex];
          s.spec.categories.forEach(function (c, k) {
            if (row[k]) {
              lines.push(c.label + ": " + row[k]);
            }
          });
          lines.push(say("perKm2", { count: Math.round(layer.density) }));
        } else {
          if (d.label) {
            lines.push(d.label[i]);
          }
          var category = s.spec.categories[d.cat[i]];
          if (category) {
            lines.push(category.label);
          }
          if (d.day) {
            lines.push(say("firstSeen", { date: new Date(d.day[i] * 86400000).toISOString().slice(0, 10) }));
          }
        }
        lines.push(s.spec.title);
        lines.forEach(function (text, k) {
          var line = document.createElement(k === 0 ? "strong" : "div");
          line.dir = "auto";
          line.textContent = text;
          box.appendChild(line);
        });
        return box;
      };
    }

    function drawPoints(s) {
      var d = s.data;
      var want = d.day ? shownCount(d.day, frontlines.day === null ? Infinity : frontlines.day) : d.lon.length;
      for (var i = s.shown; i < want; i++) {
        s.group.addLayer(pointMarker(s, i));
      }
      for (var j = want; j < s.shown; j++) {
        s.group.removeLayer(s.markers[j]);
      }
      s.shown = want;
    }

    function drawDensity(s) {
      var d = s.data;
      var densities = d.counts.map(function (row, k) {
        var total = row.reduce(function (a, b) {
          return a + b;
        }, 0);
        return d.area_km2[k] > 0 ? total / d.area_km2[k] : 0;
      });
      var max = Math.max.apply(null, densities.concat([0]));
      s.densityCount = 0;
      densities.forEach(function (density, k) {
        var p = features[k] && features[k].properties;
        var radius = densityRadius(density, max);
        if (!p || !p.label || !radius) {
          return;
        }
        var marker = L.circleMarker([p.label[1], p.label[0]], {
          renderer: renderer,
          className: "evidence evidence-" + s.spec.id,
          radius: radius,
          color: "#4d0008",
          weight: 1,
          fillColor: s.spec.categories.length ? s.spec.categories[0].color : "#67000D",
          fillOpacity: 0.45,
        });
        marker.districtIndex = k;
        marker.density = density;
        s.group.addLayer(marker);
        s.densityCount += 1;
      });
    }

    function show(s) {
      if (!s.group) {
        s.group = L.featureGroup();
        s.group.bindTooltip(tooltipFor(s), { sticky: true });
      }
      s.group.addTo(map);
      if (s.spec.kind === "density") {
        if (!s.group.getLayers().length) {
          drawDensity(s);
        }
      } else {
        drawPoints(s);
      }
      if (map.attributionControl) {
        map.attributionControl.addAttribution(s.credit);
      }
      updateCount(s);
    }

    function hide(s) {
      if (s.group) {
        map.removeLayer(s.group);
      }
      if (map.attributionControl) {
        map.attributionControl.removeAttribution(s.credit);
      }
      updateCount(s);
    }

    function setOn(s, on, quiet) {
      s.on = on;
      s.checkbox.checked = on;
      if (!on) {
        hide(s);
      } else if (s.data && features) {
        show(s);
      } else {
        updateCount(s);
        if (!s.loading) {
          s.loading = frontlines.fetchJson(s.spec.url, s.spec.data).then(function (data) {
            s.data = data;
            whenReady(s);
          });
        }
      }
      if (!quiet) {
        frontlines.emit("layers", enabled());
      }
    }

    function whenReady(s) {
      if (s.on && s.data && features) {
        show(s);
      }
    }

    function showDetails(s, on) {
      s.details.forEach(function (element) {
        element.hidden = !on;
      });
    }

    function enabled() {
      return layers
        .filter(function (spec) {
          return state[spec.id].on;
        })
        .map(function (spec) {
          return spec.id;
        });
    }

    // the legend entries: a checkbox, the title, what the layer is and is not, its categories
    if (layers.length && container) {
      var heading = document.createElement("div");
      heading.className = "frontlines-legend-heading";
      heading.textContent = say("heading");
      container.appendChild(heading);
    }
    layers.forEach(function (spec) {
      var s = state[spec.id];
      var credit = spec.short_credit || spec.credit;
      s.credit = spec.credit_url
        ? '<a href="' + escapeHtml(spec.credit_url) + '" target="_blank" rel="noopener" title="' +
          escapeHtml(spec.credit) + '">' + escapeHtml(credit) + "</a>"
        : escapeHtml(credit);
      if (!container) {
        return;
      }
      var entry = document.createElement("div");
      entry.className = "evidence-entry evidence-entry-" + spec.id;
      var label = document.createElement("label");
      var checkbox = document.createElement("input");
      checkbox.type = "checkbox";
      checkbox.className = "evidence-toggle";
      checkbox.setAttribute("data-layer", spec.id);
      var title = dataText(document.createElement("span"), spec.title);
      label.appendChild(checkbox);
      label.appendChild(title);
      entry.appendChild(label);
      var about = document.createElement("div");
      about.className = "evidence-about";
      dataText(about, spec.caveat);
      about.title = spec.about;
      entry.appendChild(about);
      var count = document.createElement("div");
      count.className = "evidence-count";
      count.setAttribute("data-layer", spec.id);
      entry.appendChild(count);
      var keys = document.createElement("div");
      keys.className = "evidence-keys";
      spec.categories.forEach(function (c) {
        var key = document.createElement("span");
        key.className = "evidence-key";
        var dot = document.createElement("i");
        dot.style.background = c.color;
        key.appendChild(dot);
        key.appendChild(dataText(document.createElement("span"), c.label));
        keys.appendChild(key);
      });
      entry.appendChild(keys);
      container.appendChild(entry);
      s.checkbox = checkbox;
      s.countBox = count;
      s.details = [about, keys]; // shown while the layer is on: what it is not, its colours
      label.title = spec.about;
      showDetails(s, false);
      checkbox.addEventListener("change", function () {
        showDetails(s, checkbox.checked);
        setOn(s, checkbox.checked, false);
      });
    });

    frontlines.on("shapes", function (loaded) {
      features = loaded;
      layers.forEach(function (spec) {
        whenReady(state[spec.id]);
      });
    });
    frontlines.on("apply", function () {
      layers.forEach(function (spec) {
        var s = state[spec.id];
        if (s.on && s.data && features && spec.kind !== "density") {
          drawPoints(s);
          updateCount(s);
        }
      });
    });
    frontlines.layers = enabled;
    frontlines.setLayers = function (ids) {
      layers.forEach(function (spec) {
        var s = state[spec.id];
        var on = ids.indexOf(spec.id) >= 0;
        if (on !== s.on) {
          showDetails(s, on);
          setOn(s, on, true);
        }
      });
      frontlines.emit("layers", enabled());
    };
    return state;
  }

  return { shownCount: shownCount, densityRadius: densityRadius, fill: fill, attach: attach };
});
