// @ts-check
/*
 * The page's own script, run on every rerun by components/page.py (st.html), with its
 * settings in the data-settings attribute of the hidden .frontlines-page-settings element:
 *
 *   lang, dir   the interface language and direction: set on the html element, so screen readers
 *               pronounce the page in its language and the layout runs right to left in Arabic
 *   reveal      null, or {district, focus}: a district was just chosen. On a narrow screen
 *               (the panel stacked under the map) its panel is scrolled into view; with
 *               focus (chosen from the keyboard list), the panel's heading takes the focus.
 */
(function () {
  "use strict";
  var holders = document.querySelectorAll(".frontlines-page-settings");
  if (!holders.length) {
    return;
  }
  var settings = JSON.parse(holders[holders.length - 1].getAttribute("data-settings"));
  var html = document.documentElement;
  html.setAttribute("lang", settings.lang);
  html.setAttribute("dir", settings.dir);

  var reveal = settings.reveal;
  if (!reveal) {
    return;
  }
  var narrow = window.matchMedia("(max-width: 640px)").matches;
  var started = performance.now();

  // The panel is drawn by the same rerun as this script, possibly a moment later.
  function panel() {
    return document.querySelector(".st-key-panel-of-" + CSS.escape(reveal.district));
  }

  function show(marker) {
    var box = marker;
    if (narrow) {
      box.scrollIntoView({ block: "start", behavior: "instant" });
    }
    if (reveal.focus || narrow) {
      var heading = box.querySelector("h2, h3");
      if (heading) {
        heading.setAttribute("tabindex", "-1");
        heading.focus({ preventScroll: true });
      }
    }
    document.body.setAttribute("data-frontlines-revealed", reveal.district);
  }

  function attempt() {
    var marker = panel();
    if (marker) {
      show(marker);
      return;
    }
    if (performance.now() - started < 5000) {
      window.setTimeout(attempt, 50);
    }
  }
  attempt();
})();
