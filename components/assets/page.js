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
 *
 * Once per page it also makes Enter apply the date box (components/date_box.py): Streamlit's
 * date field applies a typed day only when the focus leaves it, so Enter takes the focus out.
 * And it keeps the panel's "Share this view" link (components/share_link.py) equal to the
 * address, as the map's Copy link is: the map script rewrites the address's map= and layers=
 * in place, without a rerun, so the link the server wrote lacks them.
 */
(function () {
  "use strict";
  var holders = document.querySelectorAll(".frontlines-page-settings");
  if (!holders.length) {
    return;
  }
  var settings = JSON.parse(holders[holders.length - 1].getAttribute("data-settings"));
  var html = document.documentElement;

  var page = /** @type {Window & {frontlinesDateEnter?: boolean, frontlinesShareSync?: boolean}} */ (window);
  if (!page.frontlinesDateEnter) {
    page.frontlinesDateEnter = true;
    document.addEventListener("keydown", function (event) {
      var target = /** @type {HTMLElement | null} */ (event.target instanceof HTMLElement ? event.target : null);
      var box = target && target.closest("[class*='st-key-date-box-']");
      if (event.key !== "Enter" || !target || !box) {
        return;
      }
      if (target.tagName === "BUTTON") {
        return; // the calendar button opens the calendar as before
      }
      // Leave the field as Tab does: through its calendar button, then out once it has settled.
      var button = /** @type {HTMLElement | null} */ (box.querySelector("button"));
      if (button) {
        button.focus();
        window.setTimeout(function () {
          button.blur();
        }, 0);
      } else {
        target.blur();
      }
    }, true); // captured: the date field's segments handle Enter themselves
  }

  if (!page.frontlinesShareSync) {
    page.frontlinesShareSync = true;
    var syncShareLink = function () {
      var code = document.querySelector(".st-key-share-link code");
      if (code && code.textContent !== location.href) {
        code.textContent = location.href;
      }
    };
    ["pushState", "replaceState"].forEach(function (name) {
      var original = history[name].bind(history);
      history[name] = function (state, title, url) {
        original(state, title, url);
        syncShareLink();
      };
    });
    window.addEventListener("popstate", syncShareLink);
    new MutationObserver(syncShareLink).observe(document.body, { childList: true, subtree: true, characterData: true });
    syncShareLink();
  }
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
