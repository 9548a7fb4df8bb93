/*
 * The legend as a compact control on the map (a <details> element, folded on small maps),
 * and a "fit city" button under the zoom buttons. Browser only; no data logic.
 *
 * attach(L, map, frontlines, options) -> {box, layersBox}: layersBox is where the evidence
 * layers put their entries. Text comes from options (options.styles for the statuses,
 * options.legend for the other entries), written with textContent.
 *   options.legend = {title, frontline, approximate, lowConfidence, smallWidth}
 */
(function (root) {
  "use strict";

  function swatch(kind, style) {
    var i = document.createElement("i");
    i.className = "frontlines-swatch frontlines-swatch-" + kind;
    if (style) {
      i.style.background = style.fillColor;
      i.style.borderColor = style.color;
      i.style.borderStyle = style.dashArray ? "dashed" : "solid";
    }
    return i;
  }

  function entry(parent, className, icon, text) {
    var row = document.createElement("div");
    row.className = "legend-item " + className;
    row.appendChild(icon);
    row.appendChild(document.createTextNode(text));
    parent.appendChild(row);
    return row;
  }

  function attach(L, map, frontlines, options) {
    var texts = options.legend;
    var details = document.createElement("details");
    details.className = "frontlines-legend";
    var summary = document.createElement("summary");
    summary.textContent = texts.title;
    details.appendChild(summary);
    var body = document.createElement("div");
    body.className = "frontlines-legend-body";
    details.appendChild(body);
    options.styles.forEach(function (style) {
      if (style.status !== "unknown") {
        entry(body, "legend-" + style.status, swatch("status", style), style.label);
      }
    });
    entry(body, "legend-frontline", swatch("frontline"), texts.frontline);
    entry(body, "legend-approximate", swatch("approximate"), texts.approximate);
    entry(body, "legend-low-confidence", swatch("low"), texts.lowConfidence);
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
      button.role = "button";
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
