// Lint for the plain browser scripts (no build step) and their Node tests: `npm run lint`.
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["node_modules/", ".venv/", "tests/.assets/", "bench/out/", "**/static/", "site/"] },
  js.configs.recommended,
  {
    files: ["mapui/map/*.js", "static_site/template/*.js", "components/assets/*.js"],
    languageOptions: {
      ecmaVersion: 2020,
      sourceType: "script",
      // each file is also required by Node's tests (module.exports)
      globals: { ...globals.browser, L: "readonly", module: "writable", require: "readonly" },
    },
  },
  {
    files: ["tests/js/**/*.js"],
    languageOptions: { ecmaVersion: 2022, sourceType: "commonjs", globals: { ...globals.node } },
  },
];
