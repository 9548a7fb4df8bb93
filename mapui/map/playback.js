// @ts-check
/*
 * Playback: animate the map's date in the page, a day, a week or a month per step,
 * through window.frontlines.showDay(day) (see district_layer.js), without a server rerun
 * per frame. When it stops, options.report(iso) tells the server the date it stopped on.
 *
 * Pure stepping (nextDay, advance) is exported for Node's tests (tests/js/playback.test.js);
 * the control (attach) is a Leaflet control: a toggle button whose accessible name is
 * always "Play" (aria-pressed says whether it plays), a speed menu, a loop checkbox and the
 * date being shown. Started by district_layer.js when FrontlinesMap.init gets options.playback:
 *
 *   playback.first, playback.last   the theatre's first and last days (day numbers)
 *   playback.text   the control's text in the interface language (mapui.i18n):
 *                   {play, playTitle, pauseTitle, speed, loop, loading, speeds: {day, week, month}}
 *
 * What it adds to window.frontlines:
 *   frontlines.playback.play({speed, loop, fps})   speed "day" | "week" | "month"; fps
 *                                                  overrides the speed's frame rate
 *   frontlines.playback.pause()     stop and report the date to the server
 *   frontlines.playback.stop()      stop without reporting (the slider moved)
 *   frontlines.playback.playing     true while playing
 *   frontlines.playback.frames      steps painted since the last play()
 *   frontlines.playback.startedAt   performance.now() at the last play()
 *   <button class="frontlines-play" aria-pressed="true|false">
 */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.frontlinesPlayback = api;
  }
})(/** @type {Window} */ (typeof self !== "undefined" ? self : this), function () {
  "use strict";
  var MS_PER_DAY = 86400000;

  /** Steps per second of each speed: the whole of Aleppo's war in about a minute, 16 s or 14 s.
   * Their names come from options.text.speeds. */
  var SPEEDS = {
    day: { fps: 30 },
    week: { fps: 15 },
    month: { fps: 4 },
  };

  /** The day one step after `day`: the next day, a week later, or the same day of the next
   * month (the month's last day where it is shorter, e.g. 31 January -> 29 February). */
  function nextDay(day, speed) {
    if (speed === "week") {
      return day + 7;
    }
    if (speed !== "month") {
      return day + 1;
    }
    var date = new Date(day * MS_PER_DAY);
    var year = date.getUTCFullYear();
    var month = date.getUTCMonth() + 1;
    var last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return Math.round(Date.UTC(year, month, Math.min(date.getUTCDate(), last)) / MS_PER_DAY);
  }

  /** One step of playback between `first` and `last` (day numbers): {day, done}. Past the end
   * it shows the last day and stops, or with `loop` starts again from `first`. */
  function advance(day, options) {
    if (day >= options.last) {
      return options.loop ? { day: options.first, done: false } : { day: options.last, done: true };
    }
    var next = nextDay(day, options.speed);
    if (next >= options.last) {
      return { day: options.last, done: !options.loop };
    }
    return { day: next, done: false };
  }

  /** Where play starts: the day shown, or the first day when the day shown is the last. */
  function startDay(shown, options) {
    return shown === null || shown >= options.last || shown < options.first ? options.first : shown;
  }

  function attach(frontlines, map, options) {
    var state = { speed: "day", loop: false, fps: null, day: null, timer: null, last: 0 };
    var playback = { playing: false, frames: 0, startedAt: 0 };
    var button, speedMenu, loopBox, label;
    var text = options.text;

    function show(day) {
      state.day = day;
      label.textContent = isoOf(day);
      return frontlines.showDay(day);
    }

    function tick(now) {
      if (!playback.playing) {
        return;
      }
      state.timer = requestAnimationFrame(tick);
      var fps = state.fps || SPEEDS[state.speed].fps;
      if (now - state.last < 1000 / fps - 2) {
        return;
      }
      state.last = now;
      var step = advance(state.day, { first: options.first, last: options.last, speed: state.speed, loop: state.loop });
      if (show(step.day)) {
        playback.frames += 1;
      }
      if (step.done) {
        playback.pause();
      }
    }

    function setPressed(pressed) {
      playback.playing = pressed;
      button.setAttribute("aria-pressed", pressed ? "true" : "false");
      button.firstChild.textContent = pressed ? "⏸ " : "▶ ";
      button.title = pressed ? text.pauseTitle : text.playTitle;
    }

    playback.play = function (settings) {
      settings = settings || {};
      state.speed = settings.speed || speedMenu.value;
      state.loop = settings.loop === undefined ? loopBox.checked : settings.loop;
      state.fps = settings.fps || null;
      speedMenu.value = state.speed;
      loopBox.checked = state.loop;
      var shown = frontlines.date ? Math.round(Date.parse(frontlines.date + "T00:00:00Z") / MS_PER_DAY) : null;
      if (!show(startDay(shown, options))) {
        label.textContent = text.loading;
        return false;
      }
      setPressed(true);
      playback.frames = 0;
      playback.startedAt = performance.now();
      state.last = playback.startedAt;
      state.timer = requestAnimationFrame(tick);
      return true;
    };
    playback.stop = function () {
      if (state.timer !== null) {
        cancelAnimationFrame(state.timer);
        state.timer = null;
      }
      if (playback.playing) {
        setPressed(false);
      }
    };
    playback.pause = function () {
      var wasPlaying = playback.playing;
      playback.stop();
      if (wasPlaying && state.day !== null && options.report) {
        options.report(isoOf(state.day));
      }
    };

    var control = new L.Control({ position: "bottomleft" });
    control.onAdd = function () {
      var box = L.DomUtil.create("div", "leaflet-bar frontlines-playback");
      box.style.cssText =
        "background:#fff;padding:.35em .5em;display:flex;gap:.5em;align-items:center;font:14px/1.3 sans-serif";
      button = L.DomUtil.create("button", "frontlines-play", box);
      button.type = "button";
      button.setAttribute("aria-label", text.play);
      button.setAttribute("aria-pressed", "false");
      button.style.cssText = "font:600 14px sans-serif;padding:.2em .6em;cursor:pointer;min-width:5.5em";
      button.appendChild(document.createTextNode("▶ "));
      button.appendChild(document.createTextNode(text.play));
      speedMenu = L.DomUtil.create("select", "frontlines-play-speed", box);
      speedMenu.setAttribute("aria-label", text.speed);
      Object.keys(SPEEDS).forEach(function (key) {
        var option = document.createElement("option");
        option.value = key;
        option.textContent = text.speeds[key];
        speedMenu.appendChild(option);
      });
      var loopLabel = L.DomUtil.create("label", "", box);
      loopBox = L.DomUtil.create("input", "frontlines-play-loop", loopLabel);
      loopBox.type = "checkbox";
      loopLabel.appendChild(document.createTextNode(" " + text.loop));
      label = L.DomUtil.create("span", "frontlines-play-date", box);
      label.style.cssText = "font-variant-numeric:tabular-nums;min-width:6em";
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      L.DomEvent.on(button, "click", function () {
        if (playback.playing) {
          playback.pause();
        } else {
          playback.play();
        }
      });
      speedMenu.addEventListener("change", function () {
        state.speed = speedMenu.value;
      });
      loopBox.addEventListener("change", function () {
        state.loop = loopBox.checked;
      });
      return box;
    };
    control.addTo(map);
    frontlines.playback = playback;
    return playback;
  }

  function isoOf(day) {
    return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  }

  return { SPEEDS: SPEEDS, nextDay: nextDay, advance: advance, startDay: startDay, attach: attach };
});
