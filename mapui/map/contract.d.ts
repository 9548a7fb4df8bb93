/**
 * The map's contract as types: FrontlinesMap.init's options, the window.frontlines object others
 * rely on (tests, benchmarks, the rerun's status script, the static site, anyone's own tooling),
 * and the globals the map's files share. Only tsc reads this file (`npm run typecheck`); the
 * browser never loads it. What the DOM carries for tests and tooling:
 *
 *   <body data-frontlines-date>   the date shown
 *   <path class="district district-<id> [changed] [district-approximate]" data-status="<status>"
 *         data-confidence="low|stated" data-changed="true|false">  each a button for the keyboard
 *         and screen readers (aria-label "<name>: <status>"); one path at a time is in the tab
 *         order, the arrow keys (and Home/End) move between districts by name, Enter or Space
 *         chooses one as a click does
 *   <path class="frontline frontline-<id> frontline-<id>">  a front-line segment
 *   <div class="district-label district-label-<id>">      a district's name
 *   performance marks "frontlines-shapes-loaded" and "frontlines-shapes-drawn"
 *   the map's iframe is titled text.label, and its document carries lang
 *
 * Canvas mode (more districts than canvasThreshold; Aleppo's 130 never are): one
 * <canvas class="frontlines-districts"> replaces the district paths and the front line is one
 * <canvas class="frontlines-frontline-canvas">. There are then no district paths: read a status
 * with frontlines.statusOf(id) (or .codes and .ids). The canvas is drawn in the call that
 * restyles, and gets data-frontlines-drawn="<date shown>" where anything was redrawn (a
 * MutationObserver on it sees every repaint). With rasterMin districts or more in view it draws
 * pixels (canvas_raster.js; frontlines.canvas.frontlinesMode is "pixels", else "paths"); the
 * first view is drawn as paths. Districts are then not in the tab order: keyboard users choose
 * one with the search box and the district list.
 *
 * Inside Streamlit the component value also carries "frontlines_drawn": true once the districts
 * are first drawn or their shapes failed to load (FrontlinesLoader.tell), and "frontlines_played":
 * {date, report} when playback stops.
 */

/** How one status is drawn, by status code (mapui.palette). */
interface FrontlinesStyle {
  status: string;
  /** the status's name in the interface language */
  label: string;
  fillColor: string;
  color: string;
  dashArray: string | null;
  /** black or white, whichever contrasts more with fillColor (a badge's text) */
  textColor: string;
}

/** The status-character bases (geo.statuses.STATUS_CHAR_BASES). */
interface FrontlinesCharFormat {
  stated: number;
  low: number;
}

/** The options of FrontlinesMap.init: one JSON object written by the server or the static site. */
interface FrontlinesInitOptions {
  /** name of the global Leaflet map variable (folium's map_<id>) */
  map: string;
  /** per status code */
  styles: FrontlinesStyle[];
  /** fill opacity of a stated status and of a low-confidence one */
  fillOpacity: { stated: number; low: number };
  /** the interface language: names are shown in it first */
  lang: "en" | "ar" | string;
  /** the interface text the map shows (mapui.i18n); loadError has an {error} field */
  text: { label: string; lowConfidence: string; loadError: string; keyboardHelp: string };
  /** options for FrontlinesTouch.init, or null: one finger scrolls the page, two move the map */
  touch?: object | null;
  format: FrontlinesCharFormat;
  /** the status code drawn before any status arrives */
  unknownCode: number;
  /** the districts' GeoJSON, relative to the page's base URL; or null and `shapes` inline */
  shapesUrl?: string | null;
  shapes?: GeoJSON.FeatureCollection | null;
  /** follow Streamlit's date slider (key sliderKey) in the parent page from the timelines at
   * timelineUrl (geo.Theatre.timelines()), without waiting for a rerun */
  follow?: { sliderKey: string; timelineUrl: string } | null;
  /** the timelines already loaded (the static site, whose own slider calls showDay) */
  timeline?: unknown;
  /** keep centre, zoom and layers in the page's address and add the share buttons (view_sync.js) */
  view?: object | null;
  /** the play control over these day numbers */
  playback?: { first: number; last: number; text?: object } | null;
  /** above this many districts (default CANVAS_THRESHOLD, 3000) draw on canvases; 0: always */
  canvasThreshold?: number | null;
  /** canvas mode: from this many districts in view (default RASTER_MIN, 2000) draw pixels; 0: always */
  rasterMin?: number | null;
  /** on first load fit the whole theatre in view, unless the link holds the map's view */
  fitCity?: boolean;
  /** texts of the legend control (legend.js) */
  legend?: object | null;
  dir?: "ltr" | "rtl";
  /** the borders between neighbours and which status codes a front line separates (frontline.js) */
  frontline?: { url?: string; data?: unknown; frontCodes: number[]; color: string; weight: number } | null;
  /** district names from the zoom where they fit (labels.js) */
  labels?: boolean;
  /** the evidence layers, off until switched on (evidence_layers.js) */
  layers?: object[];
  evidenceText?: object;
}

/** A district as shown: its path's data-status, data-confidence and data-changed. */
interface FrontlinesDistrictState {
  status: string;
  confidence: "low" | "stated";
  changed: boolean;
}

/** window.frontlines: the map once FrontlinesMap.init has run. */
interface Frontlines {
  /** the Leaflet GeoJSON layer of the districts */
  layer: import("leaflet").GeoJSON;
  /** the ISO date shown, null until the first styling; its day number (days since 1970-01-01) */
  date: string | null;
  day: number | null;
  /** the status string shown (one character per district, in the order of ids) */
  codes: string | null;
  ids: string[];
  /** Restyle every district for the ISO `date`: one status character per district in the order
   * of the shapes, `selected` a district id or null. Kept until the shapes are drawn. */
  apply(codes: string, selected: string | null, date: string): void;
  /** Restyle for a day number from the timelines; false if they are not loaded yet. */
  showDay(day: number): boolean;
  /** Compare mode: mark every district whose status differs from `fromCodes` (apply's format)
   * with the class "changed", now and on every later restyle; null clears the marks. */
  markChanged(fromCodes: string | null): void;
  /** how many districts are marked as changed */
  changed: number;
  statusOf(id: string): FrontlinesDistrictState | null;
  /** Centre the map on a district; a repeated token is ignored (a rerun repeating it). */
  focus(id: string, token?: unknown): void;
  /** the districts' Leaflet canvas renderer in canvas mode, else null */
  canvas: (import("leaflet").Canvas & { frontlinesMode?: "paths" | "pixels" }) | null;
  drawNow: (...args: unknown[]) => unknown;
  rasterMin: number;
  /** true once the map follows the slider in the page; how many slider moves it painted */
  following: boolean;
  followedSlider: number;
  /** "shapes" (fn(features)) once drawn; "apply" (fn(codes, selected, date)) after every
   * restyle; "layers" (fn(ids)) after the evidence layers switched on change */
  on(event: "shapes" | "apply" | "layers" | string, fn: (...args: any[]) => void): void;
  emit(event: string, ...args: unknown[]): void;
  fitCity(animate?: boolean): void;
  fetchJson(url: string, inline?: unknown): Promise<any>;
  /** the evidence layers switched on; setLayers switches them (emitted as "layers") */
  layers(): string[];
  setLayers(ids: string[]): void;
  /** the play control (playback.js), when options.playback is given */
  playback?: any;
  /** {shown: front-line segments drawn, drawnAs, ...} (frontline.js) */
  frontline?: any;
  /** {shown: names drawn} (labels.js) */
  labels?: any;
  evidence?: any;
  /** set by view_sync.js when the page's address holds the map's view */
  viewFromLink?: boolean;
}

interface Window {
  frontlines: Frontlines;
  FrontlinesMap: typeof import("./district_layer.js");
  FrontlinesLoader: any;
  FrontlinesTouch: any;
  FrontlinesView: any;
  frontlinesHost: typeof import("./host_page.js");
  frontlinesTimeline: typeof import("./status_timeline.js");
  frontlinesViewUrl: typeof import("./view_url.js");
  frontlinesPlayback: typeof import("./playback.js");
  frontlinesRaster: typeof import("./canvas_raster.js");
  frontlinesFrontline: typeof import("./frontline.js");
  frontlinesLabels: typeof import("./labels.js");
  frontlinesEvidence: typeof import("./evidence_layers.js");
  frontlinesLegend: any;
  frontlinesSiteData: typeof import("../../static_site/template/site_data.js");
  frontlinesSite: any;
  /** the static site's Leaflet map */
  map: import("leaflet").Map;
  /** streamlit-folium's component bridge, inside the dashboard's map iframe */
  Streamlit?: { setComponentValue(value: unknown): void };
  __GLOBAL_DATA__?: any;
  /** what the map scripts own in the page's address (view_sync.js) */
  __frontlinesOwned?: { map: string | null; layers: string | null };
  __frontlinesHistoryWrapped?: boolean;
}
