// @ts-check
/*
 * Touch screens: one finger scrolls the page past the map, two fingers pan and zoom it,
 * as on news sites' maps. Started by district_layer.js as FrontlinesTouch.init(map, options)
 * when its options carry `touch`:
 *
 *   options.hint   the text shown over the map when one finger moves on it
 *
 * Leaflet sets the container's CSS touch-action per handler: without its drag handler the
 * container keeps `pan-x pan-y` (from the pinch handler), so the browser scrolls the page
 * for one finger and Leaflet gets two-finger gestures, which pan as they zoom. Taps still
 * reach the districts. Devices without touch keep mouse dragging.
 *
 * Contract: the map container gets the class `frontlines-touch`; the hint is
 * `.frontlines-touch-hint`, with the class `shown` while visible.
 */
(function (root) {
  "use strict";

  function isTouchScreen() {
    return (root.navigator.maxTouchPoints || 0) > 0 || "ontouchstart" in root;
  }

  function init(map, options) {
    if (!isTouchScreen()) {
      return null;
    }
    var container = map.getContainer();
    map.dragging.disable();
    container.classList.add("frontlines-touch");
    var hint = document.createElement("div");
    hint.className = "frontlines-touch-hint";
    hint.setAttribute("aria-hidden", "true"); // a visual cue; the page itself scrolls
    hint.textContent = options.hint;
    container.appendChild(hint);

    var start = null;
    var timer = null;
    function hide() {
      hint.classList.remove("shown");
    }
    container.addEventListener(
      "touchstart",
      function (event) {
        start = event.touches.length === 1 ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
        if (event.touches.length > 1) {
          hide();
        }
      },
      { passive: true }
    );
    container.addEventListener(
      "touchmove",
      function (event) {
        if (!start || event.touches.length !== 1) {
          return;
        }
        var t = event.touches[0];
        if (Math.abs(t.clientX - start.x) + Math.abs(t.clientY - start.y) > 12) {
          start = null;
          hint.classList.add("shown");
          root.clearTimeout(timer);
          timer = root.setTimeout(hide, 1600);
        }
      },
      { passive: true }
    );
    return { hint: hint };
  }

  root.FrontlinesTouch = { init: init };
})(self);
