// ESLint (flat config) for the site's own classic scripts and their unit tests. scripts/test runs
// `eslint --max-warnings 0`: a warning fails the run like an error. Vendored files are not ours.
"use strict";

const js = require("@eslint/js");
const globals = require("globals");

module.exports = [
  {
    ignores: ["node_modules/**", "site/**", ".venv/**", "overrides/assets/javascripts/vendor/**"],
  },
  js.configs.recommended,
  {
    // The site's scripts: classic scripts in the browser (no modules over file://), ES5 style with
    // "use strict" inside each file's closure; `module` only where a part exports itself for node.
    files: ["overrides/assets/javascripts/stodmaterial/**/*.js"],
    languageOptions: {
      ecmaVersion: 2017,
      sourceType: "script",
      globals: { ...globals.browser, module: "readonly" },
    },
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      strict: ["error", "function"],
      "no-implicit-globals": "error",
      "no-var": "off",
      eqeqeq: ["error", "always"],
      "no-eval": "error",
      "no-implied-eval": "error",
      "no-new-func": "error",
      "no-script-url": "error",
      "no-use-before-define": ["error", { functions: false, variables: true }],
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      "default-case-last": "error",
      "no-throw-literal": "error",
    },
  },
  {
    // The unit tests and this file: node, CommonJS.
    files: ["tests/js/**/*.js", "eslint.config.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "commonjs",
      globals: { ...globals.node },
    },
    rules: {
      eqeqeq: ["error", "always"],
      "no-unused-vars": ["error", { caughtErrors: "none" }],
    },
  },
];
