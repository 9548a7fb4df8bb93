// @ts-check
/*
 * The map's part of the view in the page's address: centre and zoom (map=zoom/lat/lon) and the
 * enabled optional layers (layers=a,b), plus the Copy link and Embed buttons. Loaded after
 * view_url.js and district_layer.js; district_layer.js calls
 * FrontlinesView.attach(frontlines, map, options.view) when its init options have `view`:
 *
 *   view.page    "parent" (the dashboard: the map is in streamlit-folium's iframe and the
 *                address is the parent page's) or "self" (the static site)
 *   view.share   {title, text} to add the Copy link and Embed buttons, or null; text holds
 *                the interface language's copyLink, embed, link, embedCode, pressToCopy
 *                ("{what}: press Ctrl+C ..."), copied ("{what} copied ...")
 *
 * Opening a link restores centre and zoom; panning and zooming rewrite the address in place
 * (history.replaceState, no rerun). The page's own code (Streamlit, the site's script) pushes
 * a history entry for each date or district the reader picks; the address it writes keeps
 * the current map and layers, because page.history.pushState/replaceState are wrapped to put
 * them in. Back and Forward restore the map and layers of the entry (a popstate listener).
 *
 * The layers are the evidence layers of evidence_layers.js, through the contract of
 * district_layer.js: a link's layers= switches them on with frontlines.setLayers(ids) (ids the
 * map does not have are ignored, and leave the address), and every change, the reader's
 * toggles included, arrives as frontlines.on("layers", fn) and is written to the address.
 * Attached after the layers, so that setLayers is theirs.
 *
 * Additions to the window.frontlines contract (see district_layer.js):
 *   frontlines.viewFromLink      true when the address held the map's centre and zoom: the
 *                                first view is that one, not the whole city
 *   frontlines.shareLink(embed)  the link to the current view (with mode=embed when embed)
 */
(function (root) {
  "use strict";
  var urls = root.frontlinesViewUrl;

  function attach(frontlines, map, options) {
    var page = options.page === "parent" ? root.parent : root;
    // What this script owns in the address, shared by every map script of the page.
    var owned = (page.__frontlinesOwned = page.__frontlinesOwned || { map: null, layers: null });

    function withOwned(url) {
      if (url === undefined || url === null) {
        return url;
      }
      var target = new URL(String(url), page.location.href);
      var changes = {};
      if (owned.map !== null) {
        changes.map = owned.map;
      }
      if (owned.layers !== null) {
        changes.layers = owned.layers;
      }
      var query = urls.merge(target.search, changes);
      return target.pathname + (query ? "?" + query : "") + target.hash;
    }

    function sameView(a, b) {
      return urls.merge(a, { v: null }) === urls.merge(b, { v: null });
    }

    if (!page.__frontlinesHistoryWrapped) {
      page.__frontlinesHistoryWrapped = true;
      ["pushState", "replaceState"].forEach(function (name) {
        var original = page.history[name].bind(page.history);
        page.history[name] = function (state, title, url) {
          var next = withOwned(url);
          // A push that changes nothing the reader sees (only the data version, say) is no new view.
          if (name === "pushState" && next && sameView(new URL(next, page.location.href).search, page.location.search)) {
            return page.history.replaceState(state, title, next);
          }
          return original(state, title, next);
        };
      });
    }

    function writeOwned() {
      var query = urls.merge(page.location.search, { map: owned.map, layers: owned.layers });
      var next = page.location.pathname + (query ? "?" + query : "") + page.location.hash;
      if (next !== page.location.pathname + page.location.search + page.location.hash) {
        page.history.replaceState(page.history.state, "", next);
      }
    }

    function restore(query) {
      var view = urls.parse(query).view;
      if (view.map) {
        frontlines.viewFromLink = true;
        owned.map = urls.formatMap(view.map);
        if (!sameAsOwned()) {
          map.setView([view.map.lat, view.map.lon], view.map.zoom, { animate: false });
        }
      }
      if (view.layers) {
        owned.layers = view.layers.join(",");
        frontlines.setLayers(view.layers); // its "layers" event writes what was switched on
      }
    }

    frontlines.viewFromLink = false;
    frontlines.on("layers", function (ids) {
      owned.layers = ids.join(",");
      writeOwned();
    });
    frontlines.shareLink = function (embed) {
      var link = new URL(page.location.href);
      if (embed) {
        link.search = "?" + urls.merge(link.search, { mode: "embed" });
      }
      return link.toString();
    };

    restore(page.location.search);
    if (owned.map !== null || owned.layers !== null) {
      writeOwned(); // the link's own spelling (e.g. %2F) becomes the short, readable one
    }
    // Within a pixel of the view in the address is the same view: Leaflet snaps a restored
    // centre to whole pixels, and the link should not drift from what was shared.
    function sameAsOwned() {
      var view = owned.map && urls.parse("map=" + owned.map).view.map;
      if (!view || view.zoom !== map.getZoom()) {
        return false;
      }
      var there = map.latLngToContainerPoint([view.lat, view.lon]);
      return there.distanceTo(map.latLngToContainerPoint(map.getCenter())) < 1;
    }

    map.on("moveend", function () {
      var centre = map.getCenter();
      var value = urls.formatMap({ zoom: map.getZoom(), lat: centre.lat, lon: centre.lng });
      if (value !== owned.map && !sameAsOwned()) {
        owned.map = value;
        writeOwned();
      }
    });
    page.addEventListener("popstate", function () {
      restore(page.location.search);
    });
    if (options.share) {
      addShareButtons(frontlines, map, options.share);
    }
  }

  function escapeAttribute(text) {
    return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  /** The <iframe> snippet that embeds a link. */
  function embedSnippet(link, title) {
    var attributes = [
      ["src", link],
      ["title", title],
      ["width", "100%"],
      ["height", "650"],
      ["style", "border:0"],
      ["loading", "lazy"],
    ];
    return "<iframe " + attributes.map(function (a) {
      return a[0] + '="' + escapeAttribute(a[1]) + '"';
    }).join(" ") + "></iframe>";
  }

  function addShareButtons(frontlines, map, share) {
    // top left, under the zoom and fit-city buttons: the legend has the top right corner
    var control = new L.Control({ position: "topleft" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "leaflet-bar frontlines-share");
      box.style.cssText = "background:#fff;padding:4px;max-width:22em;font:13px/1.3 sans-serif";
      var buttons = L.DomUtil.create("div", "", box);
      var output = L.DomUtil.create("div", "frontlines-share-output", box);
      output.style.display = "none";
      var text = L.DomUtil.create("textarea", "frontlines-share-text", output);
      text.readOnly = true;
      text.rows = 3;
      text.dir = "ltr"; // a link or HTML reads left to right in every language
      text.style.cssText = "width:100%;box-sizing:border-box;font:12px monospace;margin-top:4px";
      var note = L.DomUtil.create("div", "frontlines-share-note", output);

      var words = share.text;

      function show(value, what) {
        output.style.display = "block";
        text.value = value;
        text.focus();
        text.select();
        note.textContent = words.pressToCopy.replace("{what}", what);
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(value).then(
            function () { note.textContent = words.copied.replace("{what}", what); },
            function () {}
          );
        }
      }

      [
        [words.copyLink, "frontlines-copy-link", function () { show(frontlines.shareLink(false), words.link); }],
        [words.embed, "frontlines-embed", function () {
          show(embedSnippet(frontlines.shareLink(true), share.title), words.embedCode);
        }],
      ].forEach(function (spec) {
        var button = L.DomUtil.create("button", spec[1], buttons);
        button.type = "button";
        button.textContent = spec[0];
        button.style.cssText = "margin:2px;padding:3px 8px;cursor:pointer";
        L.DomEvent.on(button, "click", spec[2]);
      });
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);
  }

  root.FrontlinesView = { attach: attach, embedSnippet: embedSnippet };
})(self);
