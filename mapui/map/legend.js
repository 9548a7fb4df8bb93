// @ts-check
/*
 * The legend as a compact control on the map (a <details> element, folded on small maps),
 * and a "fit city" button under the zoom buttons. Browser only; no data logic.
 *
 * attach(L, map, frontlines, options) -> {box, layersBox}: layersBox is where the evidence
 * layers put their entries. Text comes from options (options.styles for the statuses,
 * options.legend for the other entries, in the interface language), written with textContent.
 *   options.legend = {title, frontline, approximate, lowConfidence, fitCity, smallWidth}
 *   options.dir = "ltr" or "rtl", the direction the legend's text runs in
 * Status swatches are solid: the blend the map draws over its tiles (styles[i].legendFill,
 * and legendPaleFill for low confidence, from mapui.palette), so they match the map.
 * Classes: .legend-<status> .legend-swatch, and one .legend-swatch per status (in code
 * order) inside .legend-low-confidence.
 */
(function (root) {
  "use strict";

  function swatch(kind, style, fill) {
    var i = document.createElement("i");
    i.className = "legend-swatch frontlines-swatch frontlines-swatch-" + kind;
    i.setAttribute("aria-hidden", "true");
    if (style) {
      i.style.background = fill;
      i.style.borderColor = style.color;
      i.style.borderStyle = style.dashArray ? "dashed" : "solid";
    }
    return i;
  }

  function entry(parent, className, icon, text) {
    var row = document.createElement("div");
    row.className = "legend-item " + className;
    row.appendChild(icon);
    var label = document.createElement("span");
    label.textContent = text;
    row.appendChild(label);
    parent.appendChild(row);
    return row;
  }

  function attach(L, map, frontlines, options) {
    var texts = options.legend;
    var details = document.createElement("details");
    details.className = "frontlines-legend";
    details.dir = options.dir || "ltr"; // the interface's direction: right to left in Arabic
    var summary = document.createElement("summary");
    summary.textContent = texts.title;
    details.appendChild(summary);
    var body = document.createElement("div");
    body.className = "frontlines-legend-body";
    details.appendChild(body);
    var shown = options.styles;
    shown.forEach(function (style) {
      entry(body, "legend-" + style.status, swatch("status", style, style.legendFill), style.label);
    });
    entry(body, "legend-frontline", swatch("frontline"), texts.frontline);
    entry(body, "legend-approximate", swatch("approximate"), texts.approximate);
    var pale = document.createElement("span");
    pale.className = "legend-pale";
    shown.forEach(function (style) {
      pale.appendChild(swatch("pale", style, style.legendPaleFill));
    });
    entry(body, "legend-low-confidence", pale, texts.lowConfidence);
    var layersBox = document.createElement("div");
    layersBox.className = "frontlines-legend-layers";
    body.appendChild(layersBox);
    details.open = map.getSize().x >= texts.smallWidth;

    var control = L.control({ position: "topright" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "leaflet-control frontlines-legend-control");
      box.appendChild(details);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    control.addTo(map);

    var fit = L.control({ position: "topleft" });
    fit.onAdd = function () {
      var bar = L.DomUtil.create("div", "leaflet-bar leaflet-control");
      var button = L.DomUtil.create("a", "frontlines-fit-city", bar);
      button.href = "#";
      button.setAttribute("role", "button");
      button.title = texts.fitCity;
      button.setAttribute("aria-label", texts.fitCity);
      button.textContent = "⤢";
      L.DomEvent.on(button, "click", function (event) {
        L.DomEvent.preventDefault(event);
        L.DomEvent.stopPropagation(event);
        frontlines.fitCity();
      });
      return bar;
    };
    fit.addTo(map);
    return { box: details, layersBox: layersBox };
  }

  root.frontlinesLegend = { attach: attach };
})(self);
